// Activities are built from their dependencies so tests and the worker wire real ones the same way.
export interface ActivityDeps {
  workerId: string;
}

export function createActivities(deps: ActivityDeps) {
  return {
    async ping(message: string): Promise<string> {
      return `activity ok on ${deps.workerId}: ${message}`;
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;
