import type { Catalog } from "./catalog.js";

export const LOAN_DAYS = 21;
export const FEE_PER_LATE_DAY_CENTS = 25;
export const MAX_FEE_CENTS = 1_000;

export interface Loan {
  isbn: string;
  member: string;
  dueAt: Date;
}

/** Lends a copy when one is free; the catalog stays the single source of stock. */
export function lend(catalog: Catalog, isbn: string, member: string, now: Date): Loan | undefined {
  if (catalog.available(isbn) === 0) return undefined;
  const dueAt = new Date(now.getTime() + LOAN_DAYS * 24 * 60 * 60 * 1000);
  return { isbn, member, dueAt };
}

/** Late fees grow per started day and are capped, so a lost book never costs more than the cap. */
export function lateFeeCents(loan: Loan, returnedAt: Date): number {
  const lateMs = returnedAt.getTime() - loan.dueAt.getTime();
  if (lateMs <= 0) return 0;
  const lateDays = Math.ceil(lateMs / (24 * 60 * 60 * 1000));
  return Math.min(lateDays * FEE_PER_LATE_DAY_CENTS, MAX_FEE_CENTS);
}
