// How a container's main process tells of its end: to one listener (its owner, the kubelet), in a microtask
// after the end as a promise callback would be, and through a promise made only for whoever asks for one
// (exec sessions, tests). Thousands of containers run at once: a promise, its reaction and their closures
// per container all outlived the young generation, for an end that most of them never reach.

export class ProcessEnd<T> {
  private ended = false;
  private value: T | undefined;
  private listener: ((value: T) => void) | undefined;
  private promise: Promise<T> | undefined;
  private resolvePromise: ((value: T) => void) | undefined;

  /** Resolves with the end's value. */
  get exited(): Promise<T> {
    if (!this.promise) {
      if (this.ended) this.promise = Promise.resolve(this.value as T);
      else this.promise = new Promise<T>((resolve) => (this.resolvePromise = resolve));
    }
    return this.promise;
  }

  /** `listener` hears of the end once, in a microtask after it (after this call, if it has ended already). */
  onExit(listener: (value: T) => void): void {
    if (this.ended) {
      const value = this.value as T;
      queueMicrotask(() => listener(value));
    } else this.listener = listener;
  }

  protected end(value: T): void {
    if (this.ended) return;
    this.ended = true;
    this.value = value;
    this.resolvePromise?.(value);
    this.resolvePromise = undefined;
    const listener = this.listener;
    if (listener) {
      this.listener = undefined;
      queueMicrotask(() => listener(value));
    }
  }
}
