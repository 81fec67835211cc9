import { useEffect, useState } from 'react';
import type { ShareLinks } from '../../../src/permalink/share';
import type { ViewState } from '../../../src/permalink/state';
import type { ParseOutput } from '../../../src/model/types';

/** Both links for a view (the whole view, the selected report only); null while they are made. */
export function useShareLinks(
  view: ViewState | null,
  parsed: ParseOutput | null,
): ShareLinks | { error: string } | null {
  const [links, setLinks] = useState<ShareLinks | { error: string } | null>(null);
  useEffect(() => {
    if (!view) return;
    let live = true;
    // The reduction re-parses the report, so the code for it loads only when Share is used.
    import('../../../src/permalink/share')
      .then(({ shareLinks }) =>
        shareLinks(view, { base: location.href, parsed: parsed ?? undefined }),
      )
      .then(
        (made) => live && setLinks(made),
        (err: unknown) => live && setLinks({ error: String(err) }),
      );
    return () => {
      live = false;
      setLinks(null);
    };
  }, [view, parsed]);
  return links;
}
