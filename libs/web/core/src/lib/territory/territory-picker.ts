import { ChangeDetectionStrategy, Component, computed, effect, inject, model, signal } from '@angular/core';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslocoPipe } from '@jsverse/transloco';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { TerritoriesDocument, type TerritoryOptionFragment } from '../graphql/generated';
import { LanguageService } from '../i18n/language.service';
import { territoryName } from '../i18n/territory-name';

/** One select of the cascade: its label key, the territory whose children it lists, the choice. */
interface Level {
  readonly labelKey: string;
  /** null: the regions. */
  readonly parentCode: string | null;
  readonly selected: string;
}

/**
 * The ancestors of an HCP code, shortest first: "06.141.01.0" → ["06", "06.141", "06.141.01.0"].
 * Region codes have 2 characters, prefectures/provinces 6, communes more.
 */
export function territoryPath(code: string | null): string[] {
  if (!code) return [];
  const [region, province] = code.split('.');
  return [region, province && `${region}.${province}`, code.split('.').length > 2 ? code : ''].filter(
    (part): part is string => !!part,
  );
}

const LEVEL_LABELS = ['common.region', 'common.prefectureOrProvince', 'common.commune'] as const;

/**
 * Region → prefecture/province → commune, starting under the signed-in user's territory (a national
 * user starts at the regions). `code` is the deepest territory chosen, null for "everything I may
 * read". Lists come from the api and are cached by Apollo.
 */
@Component({
  selector: 'cv-territory-picker',
  imports: [MatFormFieldModule, MatInputModule, TranslocoPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <fieldset class="cv-territory-picker">
      <legend class="cv-visually-hidden">{{ 'common.territory' | transloco }}</legend>
      @for (level of levels(); track level.labelKey) {
        <mat-form-field subscriptSizing="dynamic" floatLabel="always">
          <mat-label>{{ level.labelKey | transloco }}</mat-label>
          <select matNativeControl [value]="level.selected" (change)="choose(level, $event)">
            <option value="">{{ 'common.all' | transloco }}</option>
            @for (option of optionsOf(level.parentCode); track option.code) {
              <!-- [selected]: the options arrive after the select's value was set. -->
              <option [value]="option.code" [selected]="option.code === level.selected">
                {{ nameOf(option) }}
              </option>
            }
          </select>
        </mat-form-field>
      }
    </fieldset>
  `,
  styles: `
    .cv-territory-picker {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      border: 0;
      margin: 0;
      padding: 0;
    }
  `,
})
export class TerritoryPicker {
  private readonly apollo = inject(Apollo);
  private readonly language = inject(LanguageService);
  private readonly user = inject(AuthService).user;
  private readonly options = signal<ReadonlyMap<string, readonly TerritoryOptionFragment[]>>(new Map());

  /** The deepest territory chosen; null: everything the user may read. */
  readonly code = model<string | null>(null);

  /** The user's own territory bounds the choice: nobody is offered what they may not read. */
  private readonly root = computed(() => this.user()?.organization.territory?.code ?? null);

  protected readonly levels = computed<Level[]>(() => {
    const rootPath = territoryPath(this.root());
    const chosen = territoryPath(this.code());
    const levels: Level[] = [];
    for (let depth = rootPath.length; depth < LEVEL_LABELS.length; depth++) {
      const parentCode = depth === 0 ? null : (chosen[depth - 1] ?? rootPath[depth - 1] ?? null);
      if (depth > 0 && !parentCode) break;
      levels.push({ labelKey: LEVEL_LABELS[depth], parentCode, selected: chosen[depth] ?? '' });
      if (!chosen[depth]) break;
    }
    return levels;
  });

  constructor() {
    effect(() => {
      for (const level of this.levels()) void this.load(level.parentCode);
    });
  }

  protected optionsOf(parentCode: string | null): readonly TerritoryOptionFragment[] {
    return this.options().get(parentCode ?? '') ?? [];
  }

  protected nameOf(territory: TerritoryOptionFragment): string {
    return territoryName(territory, this.language.locale());
  }

  protected choose(level: Level, event: Event): void {
    const value = (event.target as HTMLSelectElement).value;
    // "All" at a level means the level above (or, at the top, everything the user may read).
    const fallback = level.parentCode && level.parentCode !== this.root() ? level.parentCode : null;
    this.code.set(value || fallback);
  }

  private async load(parentCode: string | null): Promise<void> {
    const key = parentCode ?? '';
    if (this.options().has(key)) return;
    const result = await firstValueFrom(
      this.apollo.query({ query: TerritoriesDocument, variables: { parentCode } }),
    );
    const territories = result.data?.territories ?? [];
    this.options.update((loaded) => new Map(loaded).set(key, territories));
  }
}
