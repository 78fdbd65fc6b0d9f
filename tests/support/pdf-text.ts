import { PDFParse } from 'pdf-parse';

/** The text of a PDF, read back by pdf.js (through pdf-parse) the way a reader's viewer would extract it. */
export async function pdfText(pdf: Buffer | Uint8Array): Promise<{ text: string; pages: number }> {
  const parser = new PDFParse({ data: new Uint8Array(pdf) });
  try {
    const result = await parser.getText();
    return { text: result.text, pages: result.total };
  } finally {
    await parser.destroy();
  }
}

/** A binary body over real HTTP, for the PDF endpoints. */
export async function fetchBytes(
  url: string,
  apiKey: string,
): Promise<{ status: number; contentType: string; body: Buffer; headers: Headers }> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${apiKey}` } });
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    headers: res.headers,
    body: Buffer.from(await res.arrayBuffer()),
  };
}
