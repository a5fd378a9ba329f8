// Validation of the controllers that carry a pod template: Deployment, ReplicaSet, StatefulSet, DaemonSet,
// ReplicationController, Job, CronJob, PodTemplate (pkg/apis/apps/validation, pkg/apis/batch/validation).
import { matchLabelSelectorObject, type LabelSelectorObject, type LabelSelectorRequirement } from '../selectors.js';
import { validateLabels, validateObjectMeta } from './validate-meta.js';
import { validatePodSpec } from './validate-pod-spec.js';
import { goValue, invalidValue, notSupported, required, forbidden, type FieldError } from './field-errors.js';

type Obj = Record<string, unknown>;
const asObj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});

interface TemplateRules {
  restartPolicies: string[];
  /**
   * Check the template's labels against this selector; `null` is a missing selector, which matches nothing.
   * Undefined skips the check (Jobs, whose selector is generated, and empty selectors, reported elsewhere).
   */
  selector?: LabelSelectorObject | null;
  extraVolumes?: string[];
}

// The template is a struct in Go, never nil: a missing one is validated as empty.
function validateTemplate(template: unknown, path: string, rules: TemplateRules, create: boolean): FieldError[] {
  const t = asObj(template);
  const meta = asObj(t.metadata);
  const errs: FieldError[] = [];
  const labels = meta.labels as Record<string, string> | undefined;
  if (rules.selector !== undefined && !matchLabelSelectorObject(rules.selector, labels)) {
    const shown = labels ? goValue(labels) : 'map[string]string(nil)';
    errs.push({ field: `${path}.metadata.labels`, type: 'Invalid value', detail: `${shown}: \`selector\` does not match template \`labels\`` });
  }
  errs.push(...validateLabels(meta.labels, `${path}.metadata.labels`));
  const ctx = { create, restartPolicies: rules.restartPolicies, extraVolumes: rules.extraVolumes };
  errs.push(...validatePodSpec(asObj(t.spec), `${path}.spec`, ctx));
  return errs;
}

function nonNegative(spec: Obj, field: string, path: string): FieldError[] {
  const v = spec[field];
  return typeof v === 'number' && v < 0 ? [invalidValue(`${path}.${field}`, v, 'must be greater than or equal to 0')] : [];
}

function goLabelSelector(s: LabelSelectorObject): string {
  const labels = s.matchLabels ? goValue(s.matchLabels) : 'map[string]string(nil)';
  const exprs = s.matchExpressions?.length ? JSON.stringify(s.matchExpressions) : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${exprs}}`;
}

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** The selector as far as it is well-formed (decode and the checks below report the rest), or null when absent. */
function labelSelectorOf(v: unknown, path: string, errs: FieldError[]): LabelSelectorObject | null {
  if (v === undefined || v === null) return null;
  const s = asObj(v);
  const matchLabels = Object.fromEntries(Object.entries(asObj(s.matchLabels)).filter(([, x]) => typeof x === 'string')) as Record<string, string>;
  errs.push(...validateLabels(matchLabels, `${path}.matchLabels`));
  const exprs = (Array.isArray(s.matchExpressions) ? s.matchExpressions : []).map(asObj);
  exprs.forEach((e, i) => {
    if (!OPERATORS.includes(String(e.operator))) {
      errs.push(invalidValue(`${path}.matchExpressions[${i}].operator`, e.operator ?? '', 'not a valid selector operator'));
    }
  });
  const selector: LabelSelectorObject = {};
  if (s.matchLabels !== undefined) selector.matchLabels = matchLabels;
  if (s.matchExpressions !== undefined) {
    selector.matchExpressions = exprs.map((e) => ({
      key: String(e.key ?? ''),
      operator: e.operator as LabelSelectorRequirement['operator'],
      values: Array.isArray(e.values) ? e.values.map(String) : undefined,
    }));
  }
  return selector;
}

/** Deployment, ReplicaSet, StatefulSet and DaemonSet: a required, non-empty selector that selects the template. */
function validateSelectedTemplate(spec: Obj, path: string, kindWord: string, create: boolean, extraVolumes?: string[]): FieldError[] {
  const errs: FieldError[] = [...nonNegative(spec, 'replicas', path)];
  const selector = labelSelectorOf(spec.selector, `${path}.selector`, errs);
  if (!selector) {
    errs.push(required(`${path}.selector`));
  } else if (!Object.keys(selector.matchLabels ?? {}).length && !(selector.matchExpressions ?? []).length) {
    errs.push({ field: `${path}.selector`, type: 'Invalid value', detail: `${goLabelSelector(selector)}: empty selector is invalid for ${kindWord}` });
  }
  const empty = selector && !Object.keys(selector.matchLabels ?? {}).length && !(selector.matchExpressions ?? []).length;
  const rules = { restartPolicies: ['Always'], selector: empty ? undefined : (selector ?? null), extraVolumes };
  errs.push(...validateTemplate(spec.template, `${path}.template`, rules, create));
  errs.push(...nonNegative(spec, 'minReadySeconds', path), ...nonNegative(spec, 'revisionHistoryLimit', path));
  return errs;
}

function validateDeploymentStrategy(strategy: Obj, path: string): FieldError[] {
  const type = strategy.type;
  if (type === undefined) return [];
  if (type !== 'Recreate' && type !== 'RollingUpdate') return [notSupported(`${path}.type`, type, ['Recreate', 'RollingUpdate'])];
  if (type === 'Recreate' && strategy.rollingUpdate) {
    return [forbidden(`${path}.rollingUpdate`, "may not be specified when strategy `type` is 'Recreate'")];
  }
  const ru = asObj(strategy.rollingUpdate);
  const isZero = (v: unknown) => v === 0 || v === '0%';
  if (ru.maxSurge !== undefined && ru.maxUnavailable !== undefined && isZero(ru.maxSurge) && isZero(ru.maxUnavailable)) {
    return [invalidValue(`${path}.rollingUpdate.maxUnavailable`, ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0')];
  }
  return [];
}

function validateJobSpec(spec: Obj, path: string, create: boolean): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parallelism', 'completions', 'backoffLimit', 'activeDeadlineSeconds', 'ttlSecondsAfterFinished']) {
    errs.push(...nonNegative(spec, f, path));
  }
  if (spec.completionMode !== undefined && spec.completionMode !== 'NonIndexed' && spec.completionMode !== 'Indexed') {
    errs.push(notSupported(`${path}.completionMode`, spec.completionMode, ['NonIndexed', 'Indexed']));
  }
  errs.push(...validateTemplate(spec.template, `${path}.template`, { restartPolicies: ['OnFailure', 'Never'] }, create));
  return errs;
}

/** Kind-specific errors for pod-template controllers; undefined for other kinds. */
export function validateWorkload(kind: string, obj: Obj, create: boolean): FieldError[] | undefined {
  const spec = asObj(obj.spec);
  switch (kind) {
    case 'Deployment':
      return [
        ...validateSelectedTemplate(spec, 'spec', 'deployment', create),
        ...validateDeploymentStrategy(asObj(spec.strategy), 'spec.strategy'),
        ...nonNegative(spec, 'progressDeadlineSeconds', 'spec'),
      ];
    case 'ReplicaSet':
      return validateSelectedTemplate(spec, 'spec', 'replicaset', create);
    case 'StatefulSet': {
      const claims = Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates.map((c) => String(asObj(asObj(c).metadata).name ?? '')) : [];
      const errs = validateSelectedTemplate(spec, 'spec', 'statefulset', create, claims);
      const policy = spec.podManagementPolicy;
      if (policy !== undefined && policy !== 'OrderedReady' && policy !== 'Parallel') {
        errs.push(notSupported('spec.podManagementPolicy', policy, ['OrderedReady', 'Parallel']));
      }
      return errs;
    }
    case 'DaemonSet':
      return validateSelectedTemplate(spec, 'spec', 'daemonset', create);
    case 'ReplicationController': {
      const template = asObj(spec.template);
      // An absent selector defaults to the template's labels.
      const matchLabels = (spec.selector ?? asObj(template.metadata).labels) as Record<string, string> | undefined;
      const errs = nonNegative(spec, 'replicas', 'spec');
      if (!matchLabels || Object.keys(matchLabels).length === 0) errs.push(required('spec.selector'));
      return errs.concat(
        validateTemplate(spec.template, 'spec.template', { restartPolicies: ['Always'], selector: matchLabels ? { matchLabels } : undefined }, create),
      );
    }
    case 'Job':
      return validateJobSpec(spec, 'spec', create);
    case 'CronJob': {
      const errs: FieldError[] = [];
      const name = obj.metadata && typeof asObj(obj.metadata).name === 'string' ? (asObj(obj.metadata).name as string) : '';
      if (name.length > 52) errs.push(invalidValue('metadata.name', name, 'must be no more than 52 characters'));
      if (!spec.schedule) errs.push(required('spec.schedule'));
      const policy = spec.concurrencyPolicy;
      if (policy !== undefined && !['Allow', 'Forbid', 'Replace'].includes(String(policy))) {
        errs.push(notSupported('spec.concurrencyPolicy', policy, ['Allow', 'Forbid', 'Replace']));
      }
      const jobTemplate = asObj(spec.jobTemplate);
      if (spec.jobTemplate === undefined) errs.push(required('spec.jobTemplate'));
      else errs.push(...validateJobSpec(asObj(jobTemplate.spec), 'spec.jobTemplate.spec', create));
      return errs;
    }
    case 'PodTemplate': {
      const template = asObj(obj.template);
      return [
        ...validateObjectMeta(asObj(template.metadata), 'Pod', true, 'template.metadata').filter((e) => !e.field.endsWith('.name')),
        ...validatePodSpec(asObj(template.spec), 'template.spec', { create }),
      ];
    }
    default:
      return undefined;
  }
}
