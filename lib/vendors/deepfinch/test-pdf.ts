/** Tests only: the smallest byte strings the PDF checks accept or refuse. */
export const MINIMAL_PDF = Buffer.from("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
export const TRUNCATED_PDF = Buffer.from("%PDF-1.7\n1 0 obj<<>>endobj\n");
export const NOT_A_PDF = Buffer.from("\x89PNG\r\n\x1a\n not a pdf %%EOF");
