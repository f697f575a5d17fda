/** How long a search box waits for typing to pause before it changes the URL (and the list). */
export const SEARCH_DEBOUNCE_MS = 350;
