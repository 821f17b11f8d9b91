/** The storage.local keys of the saved store (a leaf, so content scripts import nothing else of it). */

/** The whole state (every entry, the node id and clock). */
export const LOCAL_STATE_KEY = 'saved:v1';
/** The saved references' keys, which cards follow. */
export const LOCAL_KEYS_KEY = 'saved:keys';
/** The sync status, which the library shows. */
export const LOCAL_STATUS_KEY = 'saved:status';
/** The dataset ids of the documents saved (from any page), which search results follow. */
export const LOCAL_DOCS_KEY = 'saved:docs';
