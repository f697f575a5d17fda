import { DOCUMENT, inject, Injectable } from '@angular/core';
import { AuthService } from '../auth/auth.service';
import { SessionStore } from '../auth/session.store';
import type { ApiError } from '../graphql/api-error';
import { LanguageService } from '../i18n/language.service';

/** The lists the api exports (GET /exports/<list>.csv, README "Using the API"). */
export type CsvList = 'projects' | 'commitments' | 'actions';

export interface CsvExportRequest {
  readonly list: CsvList;
  /** The list's GraphQL `filter` and `orderBy`, as the page sends them: the file holds the same rows. */
  readonly filter?: object | null;
  readonly orderBy?: object | null;
  /** Offered name of the downloaded file, e.g. "engagements-06.csv". */
  readonly fileName: string;
}

/**
 * Downloads a list as CSV with the session's token (the export needs the Authorization header, so a
 * plain link cannot do it), in the UI language, and hands the file to the browser as a download.
 * Resolves with null on success, else with the error to show.
 */
@Injectable({ providedIn: 'root' })
export class CsvExport {
  private readonly session = inject(SessionStore);
  private readonly auth = inject(AuthService);
  private readonly language = inject(LanguageService);
  private readonly document = inject(DOCUMENT);

  async download(request: CsvExportRequest): Promise<ApiError | null> {
    let response = await this.fetch(request);
    // An access token that expired meanwhile is renewed once, as GraphQL calls do.
    if (response?.status === 401 && (await this.auth.recover(this.session.accessToken()))) {
      response = await this.fetch(request);
    }
    if (!response) return { code: 'NETWORK', message: null, fields: [] };
    if (!response.ok) return { code: codeOf(response.status), message: null, fields: [] };
    this.save(await response.blob(), request.fileName);
    return null;
  }

  private async fetch(request: CsvExportRequest): Promise<Response | null> {
    const query = new URLSearchParams({ lang: this.language.locale() });
    if (request.filter) query.set('filter', JSON.stringify(request.filter));
    if (request.orderBy) query.set('orderBy', JSON.stringify(request.orderBy));
    const token = this.session.accessToken();
    try {
      return await fetch(`/exports/${request.list}.csv?${query}`, {
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
    } catch {
      return null;
    }
  }

  private save(file: Blob, fileName: string): void {
    const url = URL.createObjectURL(file);
    const link = this.document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.hidden = true;
    this.document.body.append(link);
    link.click();
    link.remove();
    // The click has handed the file to the browser; revoke after it has read the URL.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

function codeOf(status: number): ApiError['code'] {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 400) return 'BAD_USER_INPUT';
  if (status === 429) return 'RATE_LIMITED';
  return 'UNKNOWN';
}
