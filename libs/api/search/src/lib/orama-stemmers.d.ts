// The package's subpaths are in its `exports` map, which this workspace's `moduleResolution: node` does not
// read (Node, webpack and Jest do, at run time); its own typings say the same as these.
declare module '@orama/stemmers/english' {
  export function stemmer(word: string): string;
}
declare module '@orama/stemmers/russian' {
  export function stemmer(word: string): string;
}
