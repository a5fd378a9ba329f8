import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podReadyColumn, podStatusReason } from '../../src/kube/print/pod-columns.js';
import { eventLines, getPod, makeCluster, simplePod } from './helpers.js';

async function envOf(cluster: ReturnType<typeof makeCluster>['cluster'], pod: string, container = 'app'): Promise<Record<string, string>> {
  let out = '';
  const s = await cluster.exec({ namespace: 'default', pod, container }, ['env'], { tty: false, stdin: false, stdout: (d) => (out += d), stderr: () => {} });
  await s.exited;
  return Object.fromEntries(out.trim().split('\n').map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
}

test('a missing ConfigMap holds the Pod in CreateContainerConfigError until it is applied', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(
    simplePod('configured', { containers: [{ name: 'app', image: 'nginx:1.27', env: [{ name: 'MODE', valueFrom: { configMapKeyRef: { name: 'app-config', key: 'mode' } } }] }] }),
  );
  await cluster.advance(30_000);
  let pod = await getPod(cluster, 'configured');
  assert.equal(podStatusReason(pod), 'CreateContainerConfigError');
  assert.equal(pod.status!.containerStatuses![0]!.state.waiting!.message, 'configmap "app-config" not found');
  assert.ok((await eventLines(cluster, 'configured')).includes('Failed: Error: configmap "app-config" not found'));
  await cluster.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'app-config' }, data: { mode: 'fast' } });
  await cluster.advance(1_000);
  pod = await getPod(cluster, 'configured');
  assert.equal(podStatusReason(pod), 'Running');
  assert.equal((await envOf(cluster, 'configured')).MODE, 'fast');
  await cluster.close();
});

test('env resolves values, Secrets, the downward API, resource fields, envFrom prefixes and $(VAR) references', async () => {
  const { cluster } = makeCluster();
  await cluster.apply({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'creds' }, data: { password: Buffer.from('s3cret').toString('base64') } });
  await cluster.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' }, data: { LEVEL: 'debug', COLOR: 'blue' } });
  await cluster.apply(
    simplePod(
      'envy',
      {
        containers: [
          {
            name: 'app',
            image: 'nginx:1.27',
            resources: { limits: { memory: '128Mi' } },
            envFrom: [{ configMapRef: { name: 'settings' }, prefix: 'CFG_' }],
            env: [
              { name: 'GREETING', value: 'hello' },
              { name: 'MESSAGE', value: '$(GREETING) world, $(UNDEFINED) and $$(ESCAPED)' },
              { name: 'PASSWORD', valueFrom: { secretKeyRef: { name: 'creds', key: 'password' } } },
              { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
              { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
              { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
              { name: 'TIER', valueFrom: { fieldRef: { fieldPath: "metadata.labels['tier']" } } },
              { name: 'MEM_MI', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1Mi' } } },
            ],
          },
        ],
      },
      { labels: { tier: 'web' } },
    ),
  );
  await cluster.advance(10_000);
  const pod = await getPod(cluster, 'envy');
  const env = await envOf(cluster, 'envy');
  assert.equal(env.MESSAGE, 'hello world, $(UNDEFINED) and $(ESCAPED)');
  assert.equal(env.PASSWORD, 's3cret');
  assert.equal(env.POD_NAME, 'envy');
  assert.equal(env.POD_IP, pod.status!.podIP);
  assert.equal(env.NODE, pod.spec.nodeName);
  assert.equal(env.TIER, 'web');
  assert.equal(env.MEM_MI, '128');
  assert.equal(env.CFG_LEVEL, 'debug');
  assert.equal(env.KUBERNETES_SERVICE_HOST, '10.96.0.1');
  await cluster.close();
});

test('configMap, secret, downwardAPI and projected volumes are files the container can read, the Pod IP included', async () => {
  const { cluster } = makeCluster();
  await cluster.apply({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'web' }, data: { 'index.html': '<h1>hi</h1>' } });
  await cluster.apply(
    simplePod('vol', {
      containers: [
        {
          name: 'app',
          image: 'nginx:1.27',
          volumeMounts: [
            { name: 'html', mountPath: '/usr/share/nginx/html' },
            { name: 'info', mountPath: '/etc/podinfo' },
            { name: 'addresses', mountPath: '/etc/addresses' },
          ],
        },
      ],
      volumes: [
        { name: 'html', configMap: { name: 'web' } },
        {
          name: 'info',
          downwardAPI: {
            items: [
              { path: 'name', fieldRef: { fieldPath: 'metadata.name' } },
              { path: 'ip', fieldRef: { fieldPath: 'status.podIP' } },
            ],
          },
        },
        { name: 'addresses', projected: { sources: [{ downwardAPI: { items: [{ path: 'host', fieldRef: { fieldPath: 'status.hostIP' } }] } }] } },
      ],
    }),
  );
  await cluster.advance(10_000);
  const cat = async (path: string) => {
    let out = '';
    const s = await cluster.exec({ namespace: 'default', pod: 'vol', container: 'app' }, ['cat', path], { tty: false, stdin: false, stdout: (d) => (out += d), stderr: () => {} });
    await s.exited;
    return out;
  };
  assert.equal(await cat('/usr/share/nginx/html/index.html'), '<h1>hi</h1>');
  assert.equal(await cat('/etc/podinfo/name'), 'vol');
  const pod = await getPod(cluster, 'vol');
  assert.match(pod.status!.podIP!, /^10\.244\./);
  assert.equal(await cat('/etc/podinfo/ip'), pod.status!.podIP);
  assert.equal(await cat('/etc/addresses/host'), pod.status!.hostIP);
  assert.equal(await cat('/var/run/secrets/kubernetes.io/serviceaccount/namespace'), 'default');
  assert.match(await cat('/etc/hosts'), /\tvol\n$/);
  await cluster.close();
});

test('a volume whose ConfigMap is missing keeps the Pod ContainerCreating with FailedMount', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(simplePod('nomount', { containers: [{ name: 'app', image: 'nginx:1.27' }], volumes: [{ name: 'cfg', configMap: { name: 'absent' } }] }));
  await cluster.advance(10_000);
  assert.equal(podStatusReason(await getPod(cluster, 'nomount')), 'ContainerCreating');
  assert.ok((await eventLines(cluster, 'nomount')).includes('FailedMount: MountVolume.SetUp failed for volume "cfg" : configmap "absent" not found'));
  await cluster.close();
});

test('init containers run in order before the app container (Init:0/2, Init:1/2, PodInitializing, Running)', async () => {
  const { cluster } = makeCluster();
  const seen: string[] = [];
  cluster.watch('Pod', { namespace: 'default' }, (e) => {
    const s = podStatusReason(e.object as never);
    if (seen[seen.length - 1] !== s) seen.push(s);
  });
  await cluster.apply(
    simplePod('inits', {
      initContainers: [
        { name: 'first', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 2; exit 0'] },
        { name: 'second', image: 'busybox:1.36', command: ['sh', '-c', 'sleep 2; exit 0'] },
      ],
      containers: [{ name: 'app', image: 'nginx:1.27' }],
    }),
  );
  await cluster.advance(30_000);
  assert.deepEqual(seen, ['Pending', 'Init:0/2', 'Init:1/2', 'PodInitializing', 'Running']);
  await cluster.close();
});

test('a sidecar (init container with restartPolicy Always) starts first, keeps running and counts in READY', async () => {
  const { cluster } = makeCluster();
  await cluster.apply(
    simplePod('with-sidecar', {
      initContainers: [{ name: 'proxy', image: 'nginx:1.27', restartPolicy: 'Always' }],
      containers: [{ name: 'app', image: 'nginx:1.27' }],
    }),
  );
  await cluster.advance(30_000);
  const pod = await getPod(cluster, 'with-sidecar');
  assert.equal(podStatusReason(pod), 'Running');
  assert.equal(podReadyColumn(pod), '2/2');
  const sidecar = pod.status!.initContainerStatuses![0]!;
  assert.ok(sidecar.state.running);
  assert.equal(sidecar.started, true);
  const events = await eventLines(cluster, 'with-sidecar');
  assert.ok(events.indexOf('Started: Started container proxy') < events.indexOf('Started: Started container app'));
  await cluster.close();
});
