export function App() {
  return <div>Office CRM</div>;
}
