/**
 * Small PDFs written by hand for the direct text layer's tests: one page, its content stream, its
 * fonts and any other object, with a correct cross-reference table (pdf.js reads them too).
 */

/** A stream object's body (unfiltered): its dictionary with /Length, and the data. */
export function stream(dict: string, data: string): string {
  return `<< ${dict} /Length ${Buffer.byteLength(data, 'latin1')} >>\nstream\n${data}\nendstream`;
}

/** The bytes of a PDF whose objects are `objects` (numbered from 1), with a trailer naming `root`. */
export function pdfOf(objects: readonly string[], trailer = '/Root 1 0 R'): Buffer {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/**
 * One A4 page showing `content`, with the fonts `fonts` (name → object number) among `extra`,
 * whose first object is number 5 (1 catalog, 2 pages, 3 page, 4 content).
 */
export function onePage(content: string, fonts: Record<string, number>, extra: readonly string[], resources = ''): Buffer {
  const fontDict = Object.entries(fonts)
    .map(([name, n]) => `/${name} ${n} 0 R`)
    .join(' ');
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << ${fontDict} >> ${resources} >> /Contents 4 0 R >>`,
    stream('', content),
    ...extra,
  ]);
}

/**
 * A simple TrueType font not embedded, under a name pdf.js substitutes no standard font for: its
 * widths (from code `first`), and the rest of its dictionary (`/Encoding …`, `/ToUnicode n 0 R`).
 * The descriptor is the next object (`descriptor`).
 */
export function simpleFont(descriptor: number, first: number, widths: readonly number[], rest = ''): string[] {
  return [
    `<< /Type /Font /Subtype /TrueType /BaseFont /TestSerif /FirstChar ${first} /LastChar ${first + widths.length - 1} /Widths [${widths.join(' ')}] /FontDescriptor ${descriptor} 0 R ${rest} >>`,
    '<< /Type /FontDescriptor /FontName /TestSerif /Flags 32 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 900 /Descent -200 /CapHeight 700 /StemV 80 >>',
  ];
}

/** A ToUnicode CMap stream with the given bfchar and bfrange lines. */
export function toUnicodeCMap(sections: string): string {
  return stream(
    '',
    [
      '/CIDInit /ProcSet findresource begin',
      '12 dict begin',
      'begincmap',
      '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
      '/CMapName /Adobe-Identity-UCS def',
      '/CMapType 2 def',
      '1 begincodespacerange',
      '<00> <FF>',
      'endcodespacerange',
      sections,
      'endcmap',
      'CMapName currentdict /CMap defineresource pop',
      'end',
      'end',
    ].join('\n'),
  );
}
