// An image's behaviour as data plus small functions: what it is (size, userland, entrypoint, env, files)
// and the programs it ships. One module per image builds one of these.

import type { OsFlavour, Program } from '../process/program.js';
import type { SignalName } from '../process/task.js';

export interface ImageDefinition {
  /** Repository names, normalised without `docker.io/` and `library/`: `nginx`, `gihyodocker/echo`, `registry.k8s.io/pause`. */
  repositories: string[];
  /** Tags that exist; absent: any tag does. */
  tags?: string[];
  /** Uncompressed size, as the kubelet reports it in `Successfully pulled image … Image size: N bytes`. */
  sizeBytes: number;
  flavour: OsFlavour;
  entrypoint?: string[];
  cmd?: string[];
  /** ENV of the image, before the Pod's own. */
  env?: [string, string][];
  workingDir?: string;
  /** What the kubelet's TERM becomes (an image's STOPSIGNAL: nginx's is QUIT). */
  stopSignal?: SignalName;
  /** Files the image adds to its flavour's layout. */
  files?: Record<string, string>;
  /** Files rendered at container start from its environment (an entrypoint's templating). */
  renderFiles?(env: ReadonlyMap<string, string>): Record<string, string>;
  /** Executables it ships, by bare name (found on PATH) or by absolute path. */
  programs?: Record<string, Program>;
  /** Commands it has beyond its flavour's (curl in nginx's image). */
  extraCommands?: string[];
}

export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
