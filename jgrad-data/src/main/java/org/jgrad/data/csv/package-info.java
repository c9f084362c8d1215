/**
 * CSV files as {@link org.jgrad.data.TextTable}s: {@link org.jgrad.data.csv.Csv} reads a header
 * row and data rows (RFC 4180 quoting, UTF-8, plain or gzip), naming the line of anything it
 * cannot read; an {@link org.jgrad.data.Schema} then turns the table into tensors. May import
 * jgrad-core and Apache Commons CSV.
 */
package org.jgrad.data.csv;
