/**
 * The formats a publication's 表12 downloads in (the server's /publications/{id}/export.{format}):
 * the public page and the publish page offer the same list, from here.
 */
export const PUBLICATION_FORMATS = ["xlsx", "pdf", "html", "csv", "json"] as const;

export type PublicationFormat = (typeof PUBLICATION_FORMATS)[number];
