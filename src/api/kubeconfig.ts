// A kubeconfig for this server, written to its own file (never the user's ~/.kube/config):
// `export KUBECONFIG=<path>` points kubectl at kubesim without touching anything else.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export interface KubeconfigOptions {
  url: string;
  token?: string;
  /** Default: `<tmpdir>/kubesim-<port>.kubeconfig`. */
  path?: string;
  namespace?: string;
}

export function kubeconfigText(options: KubeconfigOptions): string {
  const name = 'kubesim';
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster: { server: options.url } }],
    contexts: [{ name, context: { cluster: name, user: name, namespace: options.namespace ?? 'default' } }],
    'current-context': name,
    preferences: {},
    // Over https kubectl prompts for a username when the user has no credentials; a token avoids it.
    users: [{ name, user: options.token ? { token: options.token } : {} }],
  });
}

export function defaultKubeconfigPath(url: string): string {
  const port = new URL(url).port || '80';
  return join(tmpdir(), `kubesim-${port}.kubeconfig`);
}

/** Writes the kubeconfig (mode 0600: it may hold a token) and returns its path. */
export function writeKubeconfig(options: KubeconfigOptions): string {
  const path = options.path ?? defaultKubeconfigPath(options.url);
  writeFileSync(path, kubeconfigText(options), { mode: 0o600 });
  return path;
}
