// The Kubernetes-compatible API that lets the real kubectl drive a ClusterSource.
export { startApiServer, type ApiServer, type ApiServerOptions } from './api-server.js';
export { writeKubeconfig, kubeconfigText, defaultKubeconfigPath, type KubeconfigOptions } from './kubeconfig.js';
