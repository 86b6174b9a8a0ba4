import type { ReactNode } from 'react';

/** A whole-screen message (starting up, cannot reach the service) that still has a main landmark and an h1. */
export function StatusScreen({ title, message, children }: { title: string; message: string; children?: ReactNode }) {
  return (
    <main className="status-screen">
      <div className="card status-card">
        <h1>{title}</h1>
        <p role="status">{message}</p>
        {children}
      </div>
    </main>
  );
}
