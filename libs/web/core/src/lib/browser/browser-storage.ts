import { DOCUMENT, inject, Injectable } from '@angular/core';

/**
 * localStorage that never throws: private browsing, a full quota or a disabled storage must not
 * break sign-in or language selection, they only lose what would have been remembered.
 */
@Injectable({ providedIn: 'root' })
export class BrowserStorage {
  private readonly storage: Storage | null = readStorage(inject(DOCUMENT).defaultView);

  get(key: string): string | null {
    try {
      return this.storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  set(key: string, value: string): void {
    try {
      this.storage?.setItem(key, value);
    } catch {
      // Not remembered: the app still works for this visit.
    }
  }

  remove(key: string): void {
    try {
      this.storage?.removeItem(key);
    } catch {
      // Nothing stored, nothing to remove.
    }
  }
}

function readStorage(view: Window | null): Storage | null {
  try {
    return view?.localStorage ?? null;
  } catch {
    return null;
  }
}
