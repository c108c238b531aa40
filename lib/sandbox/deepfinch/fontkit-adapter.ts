import * as fontkit from "fontkit";

/**
 * pdf-lib's own fork (@pdf-lib/fontkit) subsets Droid Sans Fallback wrongly: most CJK glyphs
 * come out empty. fontkit 2 subsets it correctly but returns the font's bytes from `encode()`
 * where pdf-lib expects the 1.x `encodeStream()`; this adapter gives it that stream.
 */
type Stream = { on(event: string, cb: (arg?: unknown) => void): Stream };

export const fontkitForPdfLib = {
  create(bytes: Uint8Array) {
    const font = fontkit.create(Buffer.from(bytes));
    const createSubset = font.createSubset.bind(font);
    return Object.assign(font, {
      createSubset() {
        const subset = createSubset() as { encode(): Uint8Array; encodeStream?: () => Stream };
        subset.encodeStream = () => {
          let data: Uint8Array | undefined;
          const stream: Stream = {
            on(event, cb) {
              if (event === "data") setTimeout(() => cb((data ??= subset.encode())), 0);
              else if (event === "end") setTimeout(() => cb(), 0);
              return stream;
            },
          };
          return stream;
        };
        return subset;
      },
    });
  },
};
