import type { INestApplication } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, ModulesContainer } from '@nestjs/core';
import { GATEWAY_METADATA, MESSAGE_MAPPING_METADATA, MESSAGE_METADATA } from '@nestjs/websockets/constants';

/**
 * Every client → server event the running app subscribes to (`@SubscribeMessage`), read from Nest's own
 * metadata: feature libraries do not export their gateways, so they are found through the DI container.
 */
export function gatewayEvents(app: INestApplication): string[] {
  // The app does not import DiscoveryModule (and app.get of a missing provider aborts the process under
  // Nest's default abortOnError), so build the service over the app's own module container.
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const events = new Set<string>();
  for (const wrapper of discovery.getProviders()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype || !Reflect.getMetadata(GATEWAY_METADATA, metatype)) continue;
    const prototype = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name] as object;
      if (!Reflect.getMetadata(MESSAGE_MAPPING_METADATA, handler)) continue;
      const event = Reflect.getMetadata(MESSAGE_METADATA, handler) as unknown;
      if (typeof event === 'string') events.add(event);
    }
  }
  return [...events].sort();
}
