// Types for `langs` 2.0.0, which ships none: ISO 639 codes with English and native names.
declare module 'langs' {
  export interface Language {
    '1': string;
    '2': string;
    '2T': string;
    '2B': string;
    '3': string;
    name: string;
    local: string;
  }
  export type CodeType = '1' | '2' | '2T' | '2B' | '3';

  const langs: {
    all(): Language[];
    has(type: CodeType, code: string): boolean;
    where(type: CodeType, code: string): Language | undefined;
  };
  export default langs;
}
