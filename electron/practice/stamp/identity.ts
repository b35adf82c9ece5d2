import { randomUUID } from 'node:crypto';

// Generated once per practice stamp and persisted: a real stamp's CloudID and hardware never change.

type PracticeNode = {
  name: string;
  uuid: string;
  numCores: number;
  Bios: string[];
  nic: string[];
  cpu: string[];
  disk: string[];
  memory: string[];
};

export type StampIdentity = {
  cloudId: string;
  deploymentId: string;
  /** Stamp-side object id carried in tokens and returned as the Azure Bridge principal. */
  objectId: string;
  aadTenantId: string;
  /** The stamp's Default Provider Subscription, which holds the activation record. */
  defaultProviderSubscriptionId: string;
  nodes: PracticeNode[];
  createdAt: string;
};

/** 32 lowercase hex characters, the shape of the hardware hashes in real tokens. */
const hash = (): string => randomUUID().replaceAll('-', '');
const hashes = (n: number): string[] => Array.from({ length: n }, hash);

const nodeName = (index: number): string => `AZS-NODE${String(index + 1).padStart(2, '0')}`;

const newNode = (index: number): PracticeNode => ({
  name: nodeName(index),
  uuid: randomUUID(),
  numCores: 48,
  Bios: hashes(1),
  nic: hashes(2),
  cpu: hashes(2),
  disk: hashes(4),
  memory: hashes(2),
});

export const newIdentity = (numberOfNodes: number, now: Date): StampIdentity => ({
  cloudId: randomUUID(),
  deploymentId: randomUUID(),
  objectId: randomUUID(),
  aadTenantId: randomUUID(),
  defaultProviderSubscriptionId: randomUUID(),
  nodes: Array.from({ length: numberOfNodes }, (_, i) => newNode(i)),
  createdAt: now.toISOString(),
});

/** Adds or drops nodes when the configured node count changes; existing nodes keep their identity. */
export const withNodeCount = (identity: StampIdentity, numberOfNodes: number): StampIdentity =>
  identity.nodes.length === numberOfNodes
    ? identity
    : {
        ...identity,
        nodes: Array.from({ length: numberOfNodes }, (_, i) => identity.nodes[i] ?? newNode(i)),
      };
