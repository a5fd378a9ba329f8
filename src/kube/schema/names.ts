// Name and label syntax as apimachinery's validation package checks it, with its exact messages.
// Each function returns the list of problems (empty when the value is fine), like IsDNS1123Label & co.

const DNS1123_LABEL = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN = `${DNS1123_LABEL}(\\.${DNS1123_LABEL})*`;
const DNS1035_LABEL = '[a-z]([-a-z0-9]*[a-z0-9])?';
const QUALIFIED_NAME = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_VALUE = '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?';
const CONFIG_KEY = '[-._a-zA-Z0-9]+';

const full = (re: string) => new RegExp(`^${re}$`);

/** `must be no more than 63 characters` */
export function maxLenError(n: number): string {
  return `must be no more than ${n} characters`;
}

function regexError(what: string, re: string, ...examples: string[]): string {
  const eg = examples.map((e) => `'${e}'`).join(',  or ');
  return `${what} (e.g. ${eg}, regex used for validation is '${re}')`;
}

/** A length limit and a regex with its message and examples: the shape of most checks here. */
function syntaxErrors(value: string, maxLen: number, re: string, what: string, ...examples: string[]): string[] {
  const errs: string[] = [];
  if (value.length > maxLen) errs.push(maxLenError(maxLen));
  if (!full(re).test(value)) errs.push(regexError(what, re, ...examples));
  return errs;
}

export function dns1123LabelErrors(value: string): string[] {
  const what =
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
  return syntaxErrors(value, 63, DNS1123_LABEL, what, 'my-name', '123-abc');
}

export function dns1123SubdomainErrors(value: string): string[] {
  const what =
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
  return syntaxErrors(value, 253, DNS1123_SUBDOMAIN, what, 'example.com');
}

export function dns1035LabelErrors(value: string): string[] {
  const what =
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
  return syntaxErrors(value, 63, DNS1035_LABEL, what, 'my-name', 'abc-123');
}

/** A label or annotation key: an optional DNS subdomain prefix, `/`, and a name part. */
export function qualifiedNameErrors(value: string): string[] {
  const parts = value.split('/');
  let name: string;
  const errs: string[] = [];
  if (parts.length === 1) {
    name = parts[0]!;
  } else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else errs.push(...dns1123SubdomainErrors(prefix).map((e) => `prefix part ${e}`));
  } else {
    return [
      regexError(
        "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        QUALIFIED_NAME,
        'MyName',
        'my.name',
        '123-abc',
      ) + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (name.length > 63) errs.push(`name part ${maxLenError(63)}`);
  if (name.length > 0 && !full(QUALIFIED_NAME).test(name)) {
    errs.push(
      regexError(
        "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        QUALIFIED_NAME,
        'MyName',
        'my.name',
        '123-abc',
      ),
    );
  }
  return errs;
}

export function labelValueErrors(value: string): string[] {
  const what =
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  return syntaxErrors(value, 63, LABEL_VALUE, what, 'MyValue', 'my_value', '12345');
}

/** A ConfigMap or Secret data key. */
export function configKeyErrors(value: string): string[] {
  const what = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
  const errs = syntaxErrors(value, 253, CONFIG_KEY, what, 'key.name', 'KEY_NAME', 'key-name');
  if (value === '.') errs.push("must not be '.'");
  else if (value === '..') errs.push("must not be '..'");
  else if (value.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

/** A port name (IANA_SVC_NAME). */
export function portNameErrors(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(value)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(value)) errs.push('must contain at least one letter (a-z)');
  if (value.includes('--')) errs.push('must not contain consecutive hyphens');
  if (value.startsWith('-') || value.endsWith('-')) errs.push('must not begin or end with a hyphen');
  return errs;
}
