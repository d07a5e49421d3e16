/**
 * A cell's source in one line — its kind, then the reference, linked when the source has a
 * URL — as the math peek and the inspector both show it. The caller gives the line its box.
 */
import { type JSX, Show } from 'solid-js';
import type { SourceRef } from '../../../graph/index.js';

export function SourceText(props: { readonly source: SourceRef }): JSX.Element {
  return (
    <>
      <span class="source-kind">{props.source.kind}</span>{' '}
      <Show when={props.source.url} fallback={props.source.ref}>
        {(url) => (
          <a href={url()} target="_blank" rel="noreferrer">
            {props.source.ref}
          </a>
        )}
      </Show>
    </>
  );
}
