// Which commands an image's userland has: BusyBox applets on alpine/busybox, coreutils on debian/ubuntu
// (whose slim images have no ps, wget, curl or nc — `sh: 1: wget: not found` is what a reader meets there).

import type { OsFlavour, Program } from '../process/program.js';
import { cat } from './cat.js';
import { curl } from './curl.js';
import { date } from './date.js';
import { echo } from './echo.js';
import { env, printenv } from './env.js';
import { cp, mkdir, mv, rm, touch } from './file-edits.js';
import { hostname, id, pwd, uname, whoami } from './identity.js';
import { ls } from './ls.js';
import { nc } from './nc.js';
import { printf } from './printf.js';
import { ps } from './ps.js';
import { falseCommand, sleep, trueCommand } from './sleep.js';
import { test } from './test-command.js';
import { grep, head, tail, wc } from './text-filters.js';
import { wget } from './wget.js';
import { cut, seq, sort, tee, tr, uniq } from './line-tools.js';
import { sed } from './sed.js';
import { awk } from './awk.js';
import { basename, dirname, which, xargs } from './path-tools.js';
import { kill } from './kill.js';
import { ip } from './ip.js';
import { nslookup } from './nslookup.js';
import { apk, aptGet } from './package-managers.js';

const CORE: Record<string, Program> = {
  cat, date, echo, env, printenv, cp, mkdir, mv, rm, touch, hostname, id, pwd, uname, whoami, ls, printf, sleep,
  true: trueCommand, false: falseCommand, test, '[': test, '[[': test, grep, head, tail, wc,
  sort, uniq, tr, cut, tee, seq, sed, awk, basename, dirname, which, xargs, kill,
};

const BUSYBOX: Record<string, Program> = { ...CORE, ps, wget, nc, ip, nslookup };
const DEBIAN: Record<string, Program> = { ...CORE, 'apt-get': aptGet, apt: aptGet };

const BY_FLAVOUR: Record<OsFlavour, Record<string, Program>> = {
  busybox: BUSYBOX,
  alpine: { ...BUSYBOX, apk },
  debian: DEBIAN,
  ubuntu: DEBIAN,
  distroless: {},
};

/** Commands an image may add on top of its flavour's (`curl` in nginx's image, say). */
export const OPTIONAL_COMMANDS: Record<string, Program> = { curl, wget, ps, nc, nslookup, ip };

export function flavourCommands(flavour: OsFlavour): Record<string, Program> {
  return BY_FLAVOUR[flavour];
}
