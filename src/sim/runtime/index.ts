// The simulated container runtime's public face: what sim-core and the command line use.

export { createContainerRuntime, effectiveArgv, startErrorMessage, execStartErrorMessage, type ContainerRuntimeOptions } from './container-runtime.js';
export { loadImageCatalogYaml, imageEntriesFromData, ImageCatalogError } from './images/user-catalog.js';
export type { CatalogImage } from './images/catalog.js';
export { parseImageReference, invalidImageNameMessage, type ImageReference } from './images/reference.js';
export * from './types.js';
