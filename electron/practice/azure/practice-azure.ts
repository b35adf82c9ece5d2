// The practice Azure: a loopback HTTPS server speaking the ARM calls registration needs, reached by the
// app through the same Azure SDK code as real Azure (only endpoint, credential and trusted CA differ).
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:https';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import type { CloudName } from '../../../shared/domain/types';
import { createKeySigner } from './activation-key';
import { CLOUD_AUDIENCE_PATH, createAuth } from './auth';
import { authorizationRoutes } from './authorization';
import { createFaults } from './faults';
import { groupRoutes } from './groups';
import { lockRoutes } from './locks';
import { moveRoutes } from './moves';
import { createOperations } from './operations';
import { createPipeline } from './pipeline';
import { providerRoutes } from './providers';
import { registrationRoutes } from './registrations';
import { createRouter } from './router';
import { PRACTICE_OBJECT_ID, PRACTICE_SUBSCRIPTIONS, PRACTICE_TENANT_ID, PRACTICE_USERNAME } from './seed';
import { subscriptionRoutes } from './subscriptions';
import { generateCertificate } from './tls';
import type { PracticeAzure, PracticeAzureDeps, PracticeAzureSettings, PracticeAzureStats, PracticeCloud } from './types';
import { createWorld, putState, snapshot, takeState } from './world';

const DEFAULT_PRACTICE_AZURE_SETTINGS: PracticeAzureSettings = {
  port: 0,
  subscriptions: PRACTICE_SUBSCRIPTIONS,
  azureStackRegisteredIn: [],
  providerPollsUntilRegistered: 2,
  permissions: 'owner',
  tokenLifetimeSeconds: 3600,
  pageSize: 20,
  operationPolls: 1,
  operationRetryAfterSeconds: 0,
  cspSharedPartner: false,
  accessTokenMarker: '',
  lockPropagationSeconds: 0,
  movedNotFoundReads: 1,
  groups: [],
  foreignLocks: [],
  subscriptionStates: {},
  registrationListBySubscription: true,
  registrations: [],
  latency: { requestMs: 0, connectionMs: 0 },
};

// Default resource-group locations per cloud (RWA Get-DefaultResourceGroupLocation).
const DEFAULT_LOCATIONS: Record<CloudName, string> = {
  AzureCloud: 'westcentralus',
  AzureUSGovernment: 'usgovvirginia',
  AzureChinaCloud: 'chinaeast',
};

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const startPracticeAzure = async (deps: PracticeAzureDeps): Promise<PracticeAzure> => {
  const settings: PracticeAzureSettings = { ...DEFAULT_PRACTICE_AZURE_SETTINGS, ...deps.settings };
  const world = createWorld(settings, deps.clock);
  let endpoint = '';
  const getEndpoint = (): string => endpoint;
  const identity = { username: PRACTICE_USERNAME, objectId: PRACTICE_OBJECT_ID };
  const auth = createAuth({
    clock: deps.clock,
    endpoint: getEndpoint,
    tenantId: PRACTICE_TENANT_ID,
    objectId: PRACTICE_OBJECT_ID,
    lifetimeSeconds: settings.tokenLifetimeSeconds,
    tokenMarker: settings.accessTokenMarker,
  });
  const faults = createFaults();
  const operations = createOperations(world, getEndpoint);
  const router = createRouter([
    ...subscriptionRoutes(world),
    ...providerRoutes(world),
    ...groupRoutes(world, operations),
    ...registrationRoutes(world, { clock: deps.clock, endpoint: getEndpoint, sign: createKeySigner(getEndpoint) }),
    ...lockRoutes(world),
    ...authorizationRoutes(world, { clock: deps.clock }),
    ...moveRoutes(world, operations),
    ...operations.routes,
  ]);
  const stats: PracticeAzureStats = { requests: 0, byRoute: {}, inFlight: 0, maxInFlight: 0, connections: 0 };
  const pipeline = createPipeline({
    world,
    router,
    auth,
    faults,
    identity,
    stats,
    sleep: deps.sleep ?? defaultSleep,
    log: deps.log,
  });

  const certificate = await generateCertificate();
  const { requestMs, connectionMs } = settings.latency;
  const sleep = deps.sleep ?? defaultSleep;
  const server = createServer({ key: certificate.key, cert: certificate.cert }, (req, res) => {
    void (requestMs > 0 ? sleep(requestMs) : Promise.resolve()).then(() => pipeline(req, res));
  });
  server.on('secureConnection', () => {
    stats.connections += 1;
  });
  // TCP is accepted here and handed to the TLS server after the connection latency: the client's
  // handshake waits, as it does across a distance.
  const tcp = createTcpServer((socket) => {
    if (connectionMs <= 0) return void server.emit('connection', socket);
    void sleep(connectionMs).then(() => server.emit('connection', socket));
  });
  const listen = (on: typeof tcp | typeof server, port: number) =>
    new Promise<void>((resolve, reject) => {
      on.once('error', reject);
      on.listen(port, '127.0.0.1', () => resolve());
    });
  // The TLS server listens too (on a port nobody is told): that is what makes it track its
  // connections, which closeIdleConnections and stop rely on.
  await listen(server, 0);
  await listen(tcp, settings.port);
  endpoint = `https://127.0.0.1:${(tcp.address() as AddressInfo).port}`;
  deps.log.info('Practice Azure listening', { endpoint });

  const cloud = (name: CloudName): PracticeCloud => ({
    name,
    authorityHost: endpoint,
    resourceManager: endpoint,
    scope: `${endpoint}${CLOUD_AUDIENCE_PATH[name]}/.default`,
    defaultLocation: DEFAULT_LOCATIONS[name],
  });

  return {
    endpoint,
    ca: certificate.cert,
    clouds: { AzureCloud: cloud('AzureCloud'), AzureUSGovernment: cloud('AzureUSGovernment'), AzureChinaCloud: cloud('AzureChinaCloud') },
    account: { username: PRACTICE_USERNAME, tenantId: PRACTICE_TENANT_ID, objectId: PRACTICE_OBJECT_ID },
    credential: auth.credential,
    // Opaque like Entra's; what the tests search for is the marker.
    refreshToken: () => `${settings.refreshTokenMarker ?? ''}${randomBytes(48).toString('base64url')}`,
    directory: {
      add: (objectId) => void world.principals.set(objectId.toLowerCase(), 'new'),
    },
    faults: { add: faults.add, clear: faults.clear },
    stats: () => ({ ...stats, byRoute: { ...stats.byRoute } }),
    resetStats: () => {
      stats.requests = 0;
      stats.byRoute = {};
      stats.maxInFlight = stats.inFlight;
      stats.connections = 0;
    },
    closeIdleConnections: () => server.closeIdleConnections(),
    state: {
      snapshot: () => snapshot(world),
      take: () => takeState(world),
      put: (state) => putState(world, state),
      setPermissions: (profile) => {
        world.permissions = profile;
      },
      expireTokens: auth.expireAll,
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        tcp.close();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
};
