// gihyodocker/echo, the book's Go server: `go run /echo/main.go` compiles for a few seconds, logs
// `start server` on stderr (Go's log package), then answers every path on :8080 with `Hello Docker!!`.
// It has no signal handling of its own: TERM ends it at once, with Go's exit status 2.

import { handleSignals, type Program, type Proc } from '../process/program.js';
import { Signalled, sleep, waitForever, type Task } from '../process/task.js';
import type { HttpResponse } from '../types.js';
import type { ImageDefinition } from './image.js';
import { slashTime } from './log-time.js';

const MAIN_GO = `package main

import (
	"fmt"
	"log"
	"net/http"
)

func main() {
	http.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		log.Println("received request")
		fmt.Fprintf(w, "Hello Docker!!")
	})

	log.Println("start server")
	server := &http.Server{Addr: ":8080"}
	if err := server.ListenAndServe(); err != nil {
		log.Fatal(err)
	}
}
`;

function goLog(proc: Proc, message: string): void {
  proc.stderr(`${slashTime(proc.host.context.clock.wallTime())} ${message}\n`);
}

function* echoServer(proc: Proc): Task<number> {
  handleSignals(proc);
  try {
    return yield* serveEcho(proc);
  } catch (error) {
    // Go's runtime re-raises an unhandled TERM with the default action, which a PID 1 survives, so it exits 2
    if (error instanceof Signalled) return proc.pid === 1 ? 2 : error.exitCode;
    throw error;
  }
}

function* serveEcho(proc: Proc): Task<number> {
  // `go run` compiles first: 2–4 simulated seconds before the program's first line
  yield* sleep(2000 + Math.floor(proc.host.context.random() * 2000));
  goLog(proc, 'start server');
  const listening = proc.host.listen(8080, (): HttpResponse => {
    goLog(proc, 'received request');
    return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': '14' }, body: 'Hello Docker!!' };
  });
  if (!listening) {
    goLog(proc, 'listen tcp :8080: bind: address already in use');
    return 1;
  }
  return yield* waitForever();
}

const go: Program = function* (proc, argv) {
  if (argv[1] === 'version') {
    proc.stdout('go version go1.9.7 linux/amd64\n');
    return 0;
  }
  if (argv[1] === 'run' && argv[2] === '/echo/main.go') return yield* echoServer(proc);
  if (argv[1] === 'run') {
    proc.stderr(`stat ${argv[2] ?? ''}: no such file or directory\n`);
    return 1;
  }
  proc.stderr('Go is a tool for managing Go source code.\n\nUsage:\n\n\tgo command [arguments]\n');
  return 2;
};

export const gihyodockerEcho: ImageDefinition = {
  repositories: ['gihyodocker/echo'],
  tags: ['latest'],
  sizeBytes: 750_263_744,
  flavour: 'debian',
  cmd: ['go', 'run', '/echo/main.go'],
  workingDir: '/go',
  env: [
    ['PATH', '/go/bin:/usr/local/go/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['GOLANG_VERSION', '1.9.7'],
    ['GOPATH', '/go'],
  ],
  files: { '/echo/main.go': MAIN_GO },
  programs: { go },
  extraCommands: ['curl', 'wget'],
};
