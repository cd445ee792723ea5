export interface TaggedItem {
  value: string;
  tag: string;
}

export interface TaggedListProps {
  items: TaggedItem[];
}

/** Values with a small tag each, e.g. an e-mail address labelled "work". */
export function TaggedList({ items }: TaggedListProps) {
  return (
    <ul className="plain-list">
      {items.map((item) => (
        <li key={`${item.tag}-${item.value}`}>
          {item.value} <span className="tag">{item.tag}</span>
        </li>
      ))}
    </ul>
  );
}
