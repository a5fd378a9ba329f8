import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventRecorder } from '../../src/sim/events.js';
import { ObjectStore } from '../../src/sim/store.js';
import { VirtualClock } from '../../src/sim/clock.js';
import type { KubeEvent, KubeObject } from '../../src/kube/types.js';

function setup(maxEvents: number) {
  const clock = new VirtualClock();
  let n = 0;
  const store = new ObjectStore({ wallTime: () => clock.wallTime(), uid: () => `uid-${n++}` });
  const recorder = new EventRecorder(store, clock, { maxEvents });
  const pod = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', uid: `pod-${name}` } });
  const kubelet = { component: 'kubelet', host: 'kubesim-worker' };
  const events = () => store.list('Event') as KubeEvent[];
  return { clock, store, recorder, pod, kubelet, events };
}

test('the same event of the same object is one Event with a growing count; another message or container is another Event', () => {
  const { clock, recorder, pod, kubelet, events } = setup(100);
  const web = pod('web');
  recorder.record(web, 'Warning', 'BackOff', 'Back-off restarting failed container app', kubelet, 'spec.containers{app}');
  clock.advance(10_000);
  recorder.record(web, 'Warning', 'BackOff', 'Back-off restarting failed container app', kubelet, 'spec.containers{app}');
  recorder.record(web, 'Warning', 'BackOff', 'Back-off restarting failed container side', kubelet, 'spec.containers{side}');
  recorder.record(pod('other'), 'Warning', 'BackOff', 'Back-off restarting failed container app', kubelet, 'spec.containers{app}');
  const list = events();
  assert.equal(list.length, 3);
  const app = list.find((e) => e.involvedObject.name === 'web' && e.involvedObject.fieldPath === 'spec.containers{app}')!;
  assert.equal(app.count, 2);
  assert.equal(app.firstTimestamp, '2026-01-01T12:00:00Z');
  assert.equal(app.lastTimestamp, '2026-01-01T12:00:10Z');
});

test('beyond the cap the oldest Events go, and a repeat of one that went starts a new Event', () => {
  const { recorder, pod, kubelet, events } = setup(3);
  for (const name of ['a', 'b', 'c', 'd']) recorder.record(pod(name), 'Normal', 'Scheduled', `assigned ${name}`, { component: 'default-scheduler' });
  assert.deepEqual(events().map((e) => e.involvedObject.name).sort(), ['b', 'c', 'd']);
  recorder.record(pod('a'), 'Normal', 'Scheduled', 'assigned a', { component: 'default-scheduler' });
  const a = events().find((e) => e.involvedObject.name === 'a')!;
  assert.equal(a.count, 1);
  assert.deepEqual(events().map((e) => e.involvedObject.name).sort(), ['a', 'c', 'd']);
  recorder.record(pod('d'), 'Normal', 'Pulled', 'pulled', kubelet);
  assert.equal(events().length, 3);
});

test("an object's events leave one by one, oldest first, and repeats still count into the ones left", () => {
  const { recorder, pod, kubelet, events } = setup(3);
  const web = pod('web');
  const other = pod('other');
  const say = (obj: KubeObject, step: string) => recorder.record(obj, 'Normal', step, `${step} app`, kubelet, 'spec.containers{app}');
  const seen = () => events().map((e) => `${e.involvedObject.name} ${e.reason} ${e.count}`).sort();
  for (const step of ['Pulling', 'Pulled', 'Created', 'Started']) say(web, step);
  say(web, 'Created');
  assert.deepEqual(seen(), ['web Created 2', 'web Pulled 1', 'web Started 1']);
  say(other, 'Pulled');
  say(web, 'Started');
  assert.deepEqual(seen(), ['other Pulled 1', 'web Created 2', 'web Started 2']);
  say(other, 'Created');
  say(web, 'Started');
  assert.deepEqual(seen(), ['other Created 1', 'other Pulled 1', 'web Started 3']);
});

test('an Event deleted through the API and then repeated is made again under its name, counting on with a new uid, as client-go re-creates it', () => {
  const { clock, store, recorder, pod, kubelet, events } = setup(10);
  const web = pod('web');
  const say = (step: string) => recorder.record(web, 'Normal', step, `${step} app`, kubelet, 'spec.containers{app}');
  for (const step of ['Pulled', 'Created', 'Started']) say(step);
  const created = events().find((e) => e.reason === 'Created')!;
  store.remove('Event', created.metadata.namespace, created.metadata.name!);
  assert.equal(events().length, 2);
  const seen: string[] = [];
  store.subscribe('Event', (e) => seen.push(`${e.type} ${(e.object as KubeEvent).reason}`));
  clock.advance(5_000);
  say('Created');
  say('Started');
  say('Pulled');
  const counts = Object.fromEntries(events().map((e) => [e.reason, e.count]));
  assert.deepEqual(counts, { Pulled: 2, Created: 2, Started: 2 });
  const again = events().find((e) => e.reason === 'Created')!;
  assert.equal(again.metadata.name, created.metadata.name);
  assert.notEqual(again.metadata.uid, created.metadata.uid);
  assert.equal(again.firstTimestamp, created.firstTimestamp);
  assert.equal(again.lastTimestamp, '2026-01-01T12:00:05Z');
  assert.deepEqual(seen, ['ADDED Created', 'MODIFIED Started', 'MODIFIED Pulled']);
});

test('a deleted Event is forgotten once its place in the queue is passed: a repeat after that starts anew', () => {
  const { clock, store, recorder, pod, kubelet, events } = setup(100);
  const say = () => recorder.record(pod('web'), 'Normal', 'Pulled', 'pulled', kubelet);
  say();
  const [first] = events();
  store.remove('Event', 'default', first!.metadata.name!);
  clock.advance(61 * 60_000);
  recorder.record(pod('other'), 'Normal', 'Pulled', 'pulled', kubelet);
  clock.advance(61 * 60_000);
  say();
  const [again] = events();
  assert.equal(again!.count, 1);
  assert.notEqual(again!.metadata.name, first!.metadata.name);
});

test('an Event reads the same every time it is read (name, uid, timestamps), and no two Events share a uid or a name', () => {
  const { clock, store, recorder, pod, kubelet, events } = setup(100);
  recorder.record(pod('web'), 'Normal', 'Pulled', 'pulled', kubelet);
  recorder.record(pod('web'), 'Normal', 'Created', 'created', kubelet);
  clock.advance(1_500);
  recorder.record(pod('db'), 'Normal', 'Pulled', 'pulled', kubelet);
  const first = events();
  assert.deepEqual(events(), first);
  assert.equal(new Set(first.map((e) => e.metadata.uid)).size, 3);
  assert.equal(new Set(first.map((e) => e.metadata.name)).size, 3);
  for (const e of first) {
    assert.match(e.metadata.uid!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.match(e.metadata.name!, new RegExp(`^${e.involvedObject.name}\\.[0-9a-f]{16}$`));
    assert.deepEqual(store.get('Event', 'default', e.metadata.name!), e);
  }
  const db = first.find((e) => e.involvedObject.name === 'db')!;
  assert.equal(db.metadata.creationTimestamp, '2026-01-01T12:00:01Z');
  assert.equal(db.firstTimestamp, db.lastTimestamp);
});

test('a watch sees each version of a repeated Event as it was then, live and replayed from the window', () => {
  const { clock, store, recorder, pod, kubelet } = setup(100);
  const live: string[] = [];
  store.subscribe('Event', (e) => live.push(`${e.type} ${(e.object as KubeEvent).count} ${e.object.metadata.resourceVersion}`));
  const web = pod('web');
  recorder.record(web, 'Warning', 'BackOff', 'Back-off restarting failed container app', kubelet);
  clock.advance(10_000);
  recorder.record(web, 'Warning', 'BackOff', 'Back-off restarting failed container app', kubelet);
  const replayed: string[] = [];
  store.watchFrom('Event', 0, (e) => replayed.push(`${e.type} ${(e.object as KubeEvent).count} ${e.object.metadata.resourceVersion}`))();
  assert.deepEqual(live, ['ADDED 1 1', 'MODIFIED 2 2']);
  assert.deepEqual(replayed, live);
  const [event] = store.list('Event') as KubeEvent[];
  assert.equal(store.remove('Event', 'default', event!.metadata.name!)?.metadata.resourceVersion, '3');
  assert.deepEqual(store.list('Event'), []);
});

test('an Event that repeats all day is one Event: its earlier versions are not kept', () => {
  const { clock, recorder, pod, kubelet, events } = setup(100);
  const web = pod('web');
  for (let i = 0; i < 5_000; i++) {
    recorder.record(web, 'Warning', 'Unhealthy', 'Readiness probe failed: connection refused', kubelet, 'spec.containers{app}');
    clock.advance(10_000);
  }
  assert.deepEqual(events().map((e) => e.count), [5_000]);
  // White-box: the recorder's queue holds the live Event and at most a bounded tail of replaced versions.
  assert.ok((recorder as unknown as { order: unknown[] }).order.length <= 1_100);
});

test('an Event goes an hour after its latest write, on its own, and one that keeps repeating does not hold the others back', () => {
  const { clock, store, recorder, pod, kubelet, events } = setup(100);
  const gone: string[] = [];
  store.subscribe('Event', (e) => e.type === 'DELETED' && gone.push((e.object as KubeEvent).reason!));
  recorder.record(pod('web'), 'Normal', 'Pulled', 'pulled', kubelet);
  recorder.record(pod('crash'), 'Warning', 'BackOff', 'Back-off restarting failed container app', kubelet);
  recorder.record(pod('web'), 'Normal', 'Started', 'started', kubelet);
  for (let minute = 0; minute < 70; minute += 5) {
    clock.advance(5 * 60_000);
    recorder.record(pod('crash'), 'Warning', 'BackOff', 'Back-off restarting failed container app', kubelet);
  }
  assert.deepEqual(events().map((e) => e.reason), ['BackOff']);
  assert.deepEqual(gone, ['Pulled', 'Started']);
  clock.advance(60 * 60_000);
  assert.deepEqual(events(), []);
  assert.deepEqual(gone, ['Pulled', 'Started', 'BackOff']);
});

test('past the cap the Event written longest ago goes, not one that is still repeating', () => {
  const { recorder, pod, kubelet, events } = setup(3);
  const backOff = () => recorder.record(pod('crash'), 'Warning', 'BackOff', 'Back-off restarting failed container app', kubelet);
  backOff();
  recorder.record(pod('a'), 'Normal', 'Pulled', 'pulled', kubelet);
  recorder.record(pod('b'), 'Normal', 'Pulled', 'pulled', kubelet);
  backOff();
  recorder.record(pod('c'), 'Normal', 'Pulled', 'pulled', kubelet);
  assert.deepEqual(events().map((e) => `${e.involvedObject.name} ${e.count}`).sort(), ['b 1', 'c 1', 'crash 2']);
});

test('an Event a user labels keeps the label and goes on counting repeats, and still expires', () => {
  const { clock, store, recorder, pod, kubelet, events } = setup(100);
  const say = () => recorder.record(pod('crash'), 'Warning', 'BackOff', 'Back-off restarting failed container app', kubelet);
  say();
  const [event] = events();
  store.replace({ ...event!, metadata: { ...event!.metadata, labels: { seen: 'yes' } } });
  clock.advance(10_000);
  say();
  const [after] = events();
  assert.equal(events().length, 1);
  assert.equal(after!.metadata.name, event!.metadata.name);
  assert.equal(after!.metadata.uid, event!.metadata.uid);
  assert.deepEqual(after!.metadata.labels, { seen: 'yes' });
  assert.equal(after!.count, 2);
  assert.equal(after!.lastTimestamp, '2026-01-01T12:00:10Z');
  clock.advance(61 * 60_000);
  assert.deepEqual(events(), []);
});
