import { useEffect, useRef } from 'react';

/** Seconds a done or goodbye screen stays up before the kiosk is ready for the next person. */
export const AUTO_FINISH_SECONDS = 15;

export function useAutoFinish(onFinish: () => void, seconds = AUTO_FINISH_SECONDS): void {
  const finishRef = useRef(onFinish);
  useEffect(() => {
    finishRef.current = onFinish;
  });
  useEffect(() => {
    const timer = setTimeout(() => finishRef.current(), seconds * 1000);
    return () => clearTimeout(timer);
  }, [seconds]);
}
