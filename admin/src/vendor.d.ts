declare module 'jsonexport/dist' {
  const jsonExport: (data: unknown, callback: (err: unknown, csv: string) => void) => void;
  export default jsonExport;
}
