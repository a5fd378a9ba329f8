import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../src/kube/api-error.js';
import {
  fieldSelectorPaths,
  formatLabelSelectorObject,
  matchLabelSelectorObject,
  parseFieldSelector,
  parseLabelSelector,
} from '../../src/kube/selectors.js';

const web = { app: 'web', tier: 'frontend', env: 'prod' };
const db = { app: 'db', tier: 'backend' };

test('equality, double equality and inequality select on label values', () => {
  assert.equal(parseLabelSelector('app=web')(web), true);
  assert.equal(parseLabelSelector('app==web')(db), false);
  assert.equal(parseLabelSelector('app!=web')(db), true);
  assert.equal(parseLabelSelector('app!=web')(web), false);
  assert.equal(parseLabelSelector('missing!=x')(web), true);
});

test('commas AND requirements together and spaces are ignored', () => {
  assert.equal(parseLabelSelector('app=web, tier = frontend')(web), true);
  assert.equal(parseLabelSelector('app=web,tier=backend')(web), false);
});

test('set-based requirements select with in and notin', () => {
  assert.equal(parseLabelSelector('env in (prod, staging)')(web), true);
  assert.equal(parseLabelSelector('env in (staging)')(web), false);
  assert.equal(parseLabelSelector('env notin (prod)')(web), false);
  assert.equal(parseLabelSelector('env notin (prod)')(db), true);
  assert.equal(parseLabelSelector('tier in (backend),app notin (web)')(db), true);
});

test('a bare key requires the label and !key requires its absence', () => {
  assert.equal(parseLabelSelector('env')(web), true);
  assert.equal(parseLabelSelector('env')(db), false);
  assert.equal(parseLabelSelector('!env')(db), true);
  assert.equal(parseLabelSelector('!env,app')(web), false);
});

test('an empty selector matches everything, labels or not', () => {
  assert.equal(parseLabelSelector('')(undefined), true);
  assert.equal(parseLabelSelector('  ')(web), true);
});

test('numeric comparisons use > and <', () => {
  assert.equal(parseLabelSelector('replicas>2')({ replicas: '3' }), true);
  assert.equal(parseLabelSelector('replicas<2')({ replicas: '3' }), false);
});

test('bad label selector syntax is a 400 with the parser message', () => {
  const cases: [string, string][] = [
    ['app in web', "unable to parse requirement: found 'web' expected: '('"],
    ['app=web,', "found '', expected: identifier after ','"],
    ['=web', "found '=', expected: !, identifier, or 'end of string'"],
    ['app web', "unable to parse requirement: found 'web', expected: '=', '!=', '==', 'in', notin'"],
    ['app=web tier', "found 'tier', expected: ',' or 'end of string'"],
  ];
  for (const [selector, message] of cases) {
    assert.throws(() => parseLabelSelector(selector), (e: unknown) => {
      assert.ok(e instanceof ApiError, selector);
      assert.equal(e.reason, 'BadRequest');
      assert.equal(e.code, 400);
      assert.equal(e.message, message, selector);
      return true;
    });
  }
});

test('a LabelSelector object matches labels and expressions', () => {
  const sel = { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'env', operator: 'In' as const, values: ['prod'] }] };
  assert.equal(matchLabelSelectorObject(sel, web), true);
  assert.equal(matchLabelSelectorObject(sel, { app: 'web' }), false);
  assert.equal(matchLabelSelectorObject({ matchExpressions: [{ key: 'env', operator: 'DoesNotExist' }] }, db), true);
  assert.equal(matchLabelSelectorObject({ matchExpressions: [{ key: 'env', operator: 'NotIn', values: ['prod'] }] }, web), false);
  assert.equal(matchLabelSelectorObject({ matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, db), true);
  assert.equal(matchLabelSelectorObject({}, db), true);
  assert.equal(matchLabelSelectorObject(undefined, db), false);
  assert.equal(formatLabelSelectorObject(sel), 'app=web,env in (prod)');
  assert.equal(formatLabelSelectorObject({}), '<none>');
});

const pod = {
  metadata: { name: 'simple-echo', namespace: 'default' },
  spec: { nodeName: 'sim-node-1', hostNetwork: false },
  status: { phase: 'Running' },
};
const event = {
  involvedObject: { kind: 'Pod', name: 'simple-echo', namespace: 'default', uid: 'u-1' },
  source: { component: 'kubelet' },
  type: 'Normal',
};

test('field selectors compare dotted paths with =, == and !=', () => {
  assert.equal(parseFieldSelector('metadata.name=simple-echo')(pod), true);
  assert.equal(parseFieldSelector('metadata.name==other')(pod), false);
  assert.equal(parseFieldSelector('spec.nodeName=sim-node-1,status.phase!=Succeeded,status.phase!=Failed')(pod), true);
  assert.equal(parseFieldSelector('status.phase!=Running')(pod), false);
  assert.equal(parseFieldSelector('spec.hostNetwork=false')(pod), true);
  assert.equal(parseFieldSelector('')(pod), true);
});

test('a missing field reads as the empty string', () => {
  assert.equal(parseFieldSelector('spec.nodeName=')({ spec: {} }), true);
  assert.equal(parseFieldSelector('spec.nodeName!=')(pod), true);
});

test('event field selectors from kubectl describe match the involved object', () => {
  const sel = 'involvedObject.name=simple-echo,involvedObject.namespace=default,involvedObject.uid=u-1';
  assert.equal(parseFieldSelector(sel)(event), true);
  assert.equal(parseFieldSelector('involvedObject.kind=Node')(event), false);
  assert.equal(parseFieldSelector('source=kubelet,type=Normal')(event), true);
});

test('escaped commas and equals signs belong to the value', () => {
  assert.equal(parseFieldSelector('metadata.name=a\\,b')({ metadata: { name: 'a,b' } }), true);
  assert.deepEqual(fieldSelectorPaths('metadata.name=x,spec.nodeName!=y'), ['metadata.name', 'spec.nodeName']);
});

test('a field term without an operator is a 400 with the API server text', () => {
  assert.throws(() => parseFieldSelector('metadata.name'), (e: unknown) => {
    assert.ok(e instanceof ApiError);
    assert.equal(e.message, "invalid selector: 'metadata.name'; can't understand 'metadata.name'");
    return true;
  });
});
