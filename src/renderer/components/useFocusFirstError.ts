import { useEffect, type RefObject } from 'react';

/**
 * When a form comes back with errors, move focus to the first field that needs fixing: on a tall form
 * the message at the top may be off-screen, and a touch-screen user should not have to hunt for it.
 */
export function useFocusFirstError(container: RefObject<HTMLElement | null>, error: string | null): void {
  useEffect(() => {
    if (!error || !container.current) return;
    container.current.querySelector<HTMLElement>('.field-invalid :is(input, select, textarea)')?.focus();
  }, [container, error]);
}
