import { computed, DestroyRef, inject, type Signal, signal } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import type { OperationVariables, TypedDocumentNode } from '@apollo/client';
import { type ApiError, toApiError } from '@convergence/web/core';
import { Apollo } from 'apollo-angular';
import { catchError, map, of, switchMap } from 'rxjs';

export interface QueryState<TData> {
  readonly loading: boolean;
  /** The last answer; kept while a new one loads, so the page does not flash. */
  readonly data: TData | null;
  readonly error: ApiError | null;
}

export interface LiveQuery<TData> {
  readonly state: Signal<QueryState<TData>>;
  /** Asks the api again with the same variables (after a change or a CONFLICT). */
  reload(): void;
}

/**
 * Runs a typed query whenever its variables change (the latest request wins; null skips), always
 * from the api: lists and detail must show what others changed meanwhile. Call in an injection
 * context (a field initialiser); stops with the component.
 */
export function liveQuery<TData, TVariables extends OperationVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables: () => TVariables | null,
): LiveQuery<TData> {
  const apollo = inject(Apollo);
  const state = signal<QueryState<TData>>({ loading: true, data: null, error: null });
  const tick = signal(0);
  // Same variables, same answer: a page that re-reads its URL does not ask again.
  const current = computed(variables, { equal: (a, b) => JSON.stringify(a) === JSON.stringify(b) });
  const request = computed(() => ({ variables: current(), tick: tick() }));

  const subscription = toObservable(request)
    .pipe(
      switchMap(({ variables: asked }) => {
        if (asked === null) return of<QueryState<TData>>({ loading: false, data: null, error: null });
        state.update((previous) => ({ ...previous, loading: true, error: null }));
        return apollo
          .query<TData, TVariables>({
            query: document,
            variables: asked,
            fetchPolicy: 'network-only',
          } as Apollo.QueryOptions<TData, TVariables>)
          .pipe(
            map((result): QueryState<TData> => {
              if (!result.data) throw new Error('The api answered without data.');
              return { loading: false, data: result.data as TData, error: null };
            }),
            catchError((error: unknown) =>
              of<QueryState<TData>>({ loading: false, data: null, error: toApiError(error) }),
            ),
          );
      }),
    )
    .subscribe((next) => state.set(next));
  inject(DestroyRef).onDestroy(() => subscription.unsubscribe());

  return { state: state.asReadonly(), reload: () => tick.update((value) => value + 1) };
}
