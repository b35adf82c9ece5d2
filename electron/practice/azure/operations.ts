// Long-running operations: 202 + Location (+ Retry-After), polled until they finish.
import { randomUUID } from 'node:crypto';
import { ArmError } from './arm-error';
import { param, type ArmResponse, type Route } from './router';
import type { Operation, World } from './world';

export const createOperations = (world: World, endpoint: () => string) => {
  // The Location carries the api-version the operation was started with, as ARM's does.
  const accepted = (subscriptionId: string, id: string, apiVersion: string): ArmResponse => ({
    status: 202,
    headers: {
      location: `${endpoint()}/subscriptions/${subscriptionId}/operationresults/${id}?api-version=${apiVersion}`,
      'retry-after': String(world.settings.operationRetryAfterSeconds),
    },
  });

  const start = (subscriptionId: string, apiVersion: string, finish: Operation['finish'], polls = world.settings.operationPolls): ArmResponse => {
    const id = randomUUID();
    world.operations.set(id, { subscriptionId, pollsLeft: polls, finish });
    return accepted(subscriptionId, id, apiVersion);
  };

  const routes: Route[] = [
    {
      id: 'operations.get',
      method: 'GET',
      pattern: '/subscriptions/:sub/operationresults/:id',
      api: 'resources',
      handle: (ctx) => {
        const id = param(ctx, 'id');
        const op = world.operations.get(id);
        if (!op || op.subscriptionId.toLowerCase() !== param(ctx, 'sub').toLowerCase()) {
          throw new ArmError(404, 'OperationNotFound', `The operation '${id}' could not be found.`);
        }
        if (op.pollsLeft > 0) {
          op.pollsLeft -= 1;
          return accepted(op.subscriptionId, id, ctx.apiVersion);
        }
        world.operations.delete(id);
        return op.finish();
      },
    },
  ];

  return { start, routes };
};

export type Operations = ReturnType<typeof createOperations>;
