// The simulated container runtime's public face: what sim-core and the command line use.
//
// How it is laid out:
//   container-runtime.ts   pull / start / exec (the ContainerRuntime of types.ts)
//   running-container.ts   one container instance: its files, ports, processes, the programs its image has
//   process/               programs as generators on the Clock: Task, TaskRunner, stdin, Proc
//   shell/                 sh / ash / bash: tokenizer, parser, expansion, interpreter, builtins, dialects
//   commands/              the userland: echo, ls, cat, grep, wget, curl, ps, sed, awk, apk, apt-get, …
//   exec/                  exec sessions and the terminal line discipline kubectl -t relies on
//   images/                one module per image behaviour, the catalog, pulls, references, user YAML
//   filesystem.ts          a container's layered in-memory filesystem

export { createContainerRuntime, effectiveArgv, startErrorMessage, execStartErrorMessage, type ContainerRuntimeOptions } from './container-runtime.js';
export { loadImageCatalogYaml, imageEntriesFromData, ImageCatalogError } from './images/user-catalog.js';
export type { CatalogImage } from './images/catalog.js';
export { parseImageReference, invalidImageNameMessage, type ImageReference } from './images/reference.js';
export * from './types.js';
