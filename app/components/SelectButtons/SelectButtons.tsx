import { edgeId } from '../../../src/graph';
import { useAppStore } from '../../store';

/** A lock class name that selects the class in the graph. */
export function ClassButton({ name, testId = 'select.class' }: { name: string; testId?: string }) {
  const select = useAppStore((s) => s.selectGraphElement);
  return (
    <button
      type="button"
      className="class-button"
      data-testid={testId}
      onClick={() => select({ kind: 'node', id: name })}
    >
      <code>{name}</code>
    </button>
  );
}

/** "prev → next" that selects the dependency in the graph. */
export function DependencyButton({
  prev,
  next,
  testId = 'select.dependency',
  children,
}: {
  prev: string;
  next: string;
  testId?: string;
  children?: React.ReactNode;
}) {
  const select = useAppStore((s) => s.selectGraphElement);
  return (
    <button
      type="button"
      className="class-button"
      data-testid={testId}
      aria-label={`Dependency ${prev} → ${next}`}
      onClick={() => select({ kind: 'edge', id: edgeId(prev, next) })}
    >
      {children ?? (
        <>
          <code>{prev}</code> → <code>{next}</code>
        </>
      )}
    </button>
  );
}
