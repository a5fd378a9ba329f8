// The three shells a container image ships, told apart by the words of their messages and their prompts:
// BusyBox ash (alpine, busybox), dash (debian's /bin/sh) and bash.

export interface ShellDialect {
  /** `$0` and the prefix of every message. */
  readonly name: string;
  notFound(command: string, line: number): string;
  syntaxError(token: string, line: number, fromCommandString: boolean): string;
  cannotCd(dir: string, why: string): string;
  cannotCreate(path: string, why: string): string;
  cannotOpen(path: string, why: string): string;
  /** PS1 with `\w` already known. */
  prompt(user: string, host: string, cwd: string, home: string): string;
  /** What an interactive shell prints when stdin ends (Ctrl-D). */
  readonly onEndOfInput: string;
}

function shortCwd(cwd: string, home: string): string {
  return cwd === home ? '~' : cwd.startsWith(`${home}/`) ? `~${cwd.slice(home.length)}` : cwd;
}

export const ASH: ShellDialect = {
  name: 'sh',
  notFound: (command) => `sh: ${command}: not found`,
  syntaxError: (token) => (token === 'end of file' ? 'sh: syntax error: unexpected end of file' : `sh: syntax error: unexpected "${token}"`),
  cannotCd: (dir, why) => `sh: cd: can't cd to ${dir}: ${why}`,
  cannotCreate: (path, why) => `sh: can't create ${path}: ${why === 'No such file or directory' ? 'nonexistent directory' : why}`,
  cannotOpen: (path) => `sh: can't open '${path}': No such file or directory`,
  prompt: (_user, _host, cwd, home) => `${shortCwd(cwd, home)} # `,
  onEndOfInput: '',
};

export const DASH: ShellDialect = {
  name: 'sh',
  notFound: (command, line) => `sh: ${line}: ${command}: not found`,
  syntaxError: (token, line) => `sh: ${line}: Syntax error: ${token === 'end of file' ? 'end of file unexpected' : `"${token}" unexpected`}`,
  cannotCd: (dir, _why) => `sh: 1: cd: can't cd to ${dir}`,
  cannotCreate: (path, why) => `sh: 1: cannot create ${path}: ${why === 'No such file or directory' ? 'Directory nonexistent' : why}`,
  cannotOpen: (path) => `sh: 1: cannot open ${path}: No such file`,
  prompt: () => '# ',
  onEndOfInput: '',
};

export const BASH: ShellDialect = {
  name: 'bash',
  notFound: (command) => `bash: ${command}: command not found`,
  syntaxError: (token, line, fromCommandString) =>
    token === 'end of file'
      ? `bash: ${fromCommandString ? `-c: line ${line}: ` : ''}syntax error: unexpected end of file`
      : `bash: ${fromCommandString ? `-c: line ${line}: ` : ''}syntax error near unexpected token \`${token}'`,
  cannotCd: (dir, why) => `bash: cd: ${dir}: ${why}`,
  cannotCreate: (path, why) => `bash: ${path}: ${why}`,
  cannotOpen: (path) => `bash: ${path}: No such file or directory`,
  prompt: (user, host, cwd, home) => `${user}@${host}:${shortCwd(cwd, home)}# `,
  onEndOfInput: 'exit\n',
};
