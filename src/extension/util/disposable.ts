/**
 * Base class for objects that own disposables (after VS Code's markdown-language-features `Disposable`):
 * `_register` hands ownership over, `dispose` releases everything once, in reverse order of registration.
 */
import type * as vscode from 'vscode';

export abstract class Disposable implements vscode.Disposable {
  private disposed = false;
  private readonly owned: vscode.Disposable[] = [];

  protected get isDisposed(): boolean {
    return this.disposed;
  }

  /** Takes ownership of `value`; disposes it at once when this object is already disposed. */
  protected _register<T extends vscode.Disposable>(value: T): T {
    if (this.disposed) value.dispose();
    else this.owned.push(value);
    return value;
  }

  /** `_register` for several at once. */
  protected _registerEach(...values: vscode.Disposable[]): void {
    for (const v of values) this._register(v);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const d of this.owned.splice(0).reverse()) d.dispose();
  }
}

/** A timer as a disposable, so owners register it instead of clearing it by hand. */
export function timeout(run: () => void, ms: number): vscode.Disposable & { readonly pending: boolean } {
  let handle: ReturnType<typeof setTimeout> | undefined = setTimeout(() => { handle = undefined; run(); }, ms);
  return {
    get pending() { return handle !== undefined; },
    dispose() { if (handle) clearTimeout(handle); handle = undefined; },
  };
}
