// The little of fontkit 2 that fontkit-adapter.ts uses (the package ships no types).
declare module "fontkit" {
  export interface Font {
    createSubset(): { encode(): Uint8Array };
  }
  export function create(buffer: Buffer, postscriptName?: string): Font;
}
