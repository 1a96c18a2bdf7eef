// Filled in by its own issue; the foundation only reserves the package.
export const PACKAGE_PLACEHOLDER = true;
