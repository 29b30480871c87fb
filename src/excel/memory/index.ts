/**
 * In-memory Excel host: run the add-in's office-js code (Excel.run, ranges, formats, data
 * validation, conditional formats, names, events) against a simulated workbook, in jest or in a
 * browser preview.
 */
export { MemoryHost, createMemoryHost } from './host';
