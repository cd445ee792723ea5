/** The column headings of a read-only table of quote lines (the quote page and the version comparison). */
export function LineHeaderCells() {
  return (
    <>
      <th scope="col">Item</th>
      {['Quantity', 'Unit price', 'Discount', 'Tax', 'Net'].map((label) => (
        <th key={label} scope="col" className="num">
          {label}
        </th>
      ))}
    </>
  );
}
