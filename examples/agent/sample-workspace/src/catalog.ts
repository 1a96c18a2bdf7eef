export interface Book {
  isbn: string;
  title: string;
  author: string;
  copies: number;
}

/** An in-memory catalog; lookups are case-insensitive. */
export class Catalog {
  private readonly books = new Map<string, Book>();

  add(book: Book): void {
    const existing = this.books.get(book.isbn);
    if (existing) existing.copies += book.copies;
    else this.books.set(book.isbn, { ...book });
  }

  find(query: string): Book[] {
    const needle = query.toLowerCase();
    return [...this.books.values()].filter(
      (book) => book.title.toLowerCase().includes(needle) || book.author.toLowerCase().includes(needle),
    );
  }

  available(isbn: string): number {
    return this.books.get(isbn)?.copies ?? 0;
  }
}
