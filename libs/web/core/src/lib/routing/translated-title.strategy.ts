import { DestroyRef, inject, Injectable } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { combineLatest, of, Subject, switchMap } from 'rxjs';

/**
 * Route `title`s are translation keys: the document title is "<page> · <app name>" in the current
 * language, and follows language switches.
 */
@Injectable()
export class TranslatedTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private readonly pageKey = new Subject<string | undefined>();

  constructor() {
    super();
    const subscription = this.pageKey
      .pipe(
        switchMap((key) =>
          combineLatest([
            this.transloco.selectTranslate<string>('app.name'),
            key ? this.transloco.selectTranslate<string>(key) : of(null),
          ]),
        ),
      )
      .subscribe(([app, page]) => this.title.setTitle(page ? `${page} · ${app}` : app));
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.pageKey.next(this.buildTitle(snapshot));
  }
}
