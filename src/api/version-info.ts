// `GET /version`. gcloud's kubectl dispatcher (the `kubectl` on PATH on many machines) runs the client whose
// minor version matches this answer, so it must say 1.32 for the kubectl the walkthrough assumes.
export const VERSION_INFO = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T16:02:27Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
} as const;
