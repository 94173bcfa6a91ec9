// Bundled by actions/scripts/build.mjs; do not edit.
import { createRequire as __codexrelCreateRequire } from 'node:module';
const require = __codexrelCreateRequire(import.meta.url);
import {
  CodexrelError,
  __commonJS,
  __toESM,
  buildMarker,
  createRedactor,
  hasMarker,
  parseMarkers
} from "./chunk-BMUCDFY2.js";

// ../node_modules/.pnpm/bottleneck@2.19.5/node_modules/bottleneck/light.js
var require_light = __commonJS({
  "../node_modules/.pnpm/bottleneck@2.19.5/node_modules/bottleneck/light.js"(exports, module) {
    (function(global2, factory) {
      typeof exports === "object" && typeof module !== "undefined" ? module.exports = factory() : typeof define === "function" && define.amd ? define(factory) : global2.Bottleneck = factory();
    })(exports, (function() {
      "use strict";
      var commonjsGlobal = typeof globalThis !== "undefined" ? globalThis : typeof window !== "undefined" ? window : typeof global !== "undefined" ? global : typeof self !== "undefined" ? self : {};
      function getCjsExportFromNamespace(n) {
        return n && n["default"] || n;
      }
      var load = function(received, defaults, onto = {}) {
        var k, ref, v;
        for (k in defaults) {
          v = defaults[k];
          onto[k] = (ref = received[k]) != null ? ref : v;
        }
        return onto;
      };
      var overwrite = function(received, defaults, onto = {}) {
        var k, v;
        for (k in received) {
          v = received[k];
          if (defaults[k] !== void 0) {
            onto[k] = v;
          }
        }
        return onto;
      };
      var parser = {
        load,
        overwrite
      };
      var DLList;
      DLList = class DLList {
        constructor(incr, decr) {
          this.incr = incr;
          this.decr = decr;
          this._first = null;
          this._last = null;
          this.length = 0;
        }
        push(value) {
          var node;
          this.length++;
          if (typeof this.incr === "function") {
            this.incr();
          }
          node = {
            value,
            prev: this._last,
            next: null
          };
          if (this._last != null) {
            this._last.next = node;
            this._last = node;
          } else {
            this._first = this._last = node;
          }
          return void 0;
        }
        shift() {
          var value;
          if (this._first == null) {
            return;
          } else {
            this.length--;
            if (typeof this.decr === "function") {
              this.decr();
            }
          }
          value = this._first.value;
          if ((this._first = this._first.next) != null) {
            this._first.prev = null;
          } else {
            this._last = null;
          }
          return value;
        }
        first() {
          if (this._first != null) {
            return this._first.value;
          }
        }
        getArray() {
          var node, ref, results;
          node = this._first;
          results = [];
          while (node != null) {
            results.push((ref = node, node = node.next, ref.value));
          }
          return results;
        }
        forEachShift(cb) {
          var node;
          node = this.shift();
          while (node != null) {
            cb(node), node = this.shift();
          }
          return void 0;
        }
        debug() {
          var node, ref, ref1, ref2, results;
          node = this._first;
          results = [];
          while (node != null) {
            results.push((ref = node, node = node.next, {
              value: ref.value,
              prev: (ref1 = ref.prev) != null ? ref1.value : void 0,
              next: (ref2 = ref.next) != null ? ref2.value : void 0
            }));
          }
          return results;
        }
      };
      var DLList_1 = DLList;
      var Events;
      Events = class Events {
        constructor(instance) {
          this.instance = instance;
          this._events = {};
          if (this.instance.on != null || this.instance.once != null || this.instance.removeAllListeners != null) {
            throw new Error("An Emitter already exists for this object");
          }
          this.instance.on = (name, cb) => {
            return this._addListener(name, "many", cb);
          };
          this.instance.once = (name, cb) => {
            return this._addListener(name, "once", cb);
          };
          this.instance.removeAllListeners = (name = null) => {
            if (name != null) {
              return delete this._events[name];
            } else {
              return this._events = {};
            }
          };
        }
        _addListener(name, status, cb) {
          var base;
          if ((base = this._events)[name] == null) {
            base[name] = [];
          }
          this._events[name].push({ cb, status });
          return this.instance;
        }
        listenerCount(name) {
          if (this._events[name] != null) {
            return this._events[name].length;
          } else {
            return 0;
          }
        }
        async trigger(name, ...args) {
          var e, promises;
          try {
            if (name !== "debug") {
              this.trigger("debug", `Event triggered: ${name}`, args);
            }
            if (this._events[name] == null) {
              return;
            }
            this._events[name] = this._events[name].filter(function(listener) {
              return listener.status !== "none";
            });
            promises = this._events[name].map(async (listener) => {
              var e2, returned;
              if (listener.status === "none") {
                return;
              }
              if (listener.status === "once") {
                listener.status = "none";
              }
              try {
                returned = typeof listener.cb === "function" ? listener.cb(...args) : void 0;
                if (typeof (returned != null ? returned.then : void 0) === "function") {
                  return await returned;
                } else {
                  return returned;
                }
              } catch (error) {
                e2 = error;
                {
                  this.trigger("error", e2);
                }
                return null;
              }
            });
            return (await Promise.all(promises)).find(function(x) {
              return x != null;
            });
          } catch (error) {
            e = error;
            {
              this.trigger("error", e);
            }
            return null;
          }
        }
      };
      var Events_1 = Events;
      var DLList$1, Events$1, Queues;
      DLList$1 = DLList_1;
      Events$1 = Events_1;
      Queues = class Queues {
        constructor(num_priorities) {
          var i;
          this.Events = new Events$1(this);
          this._length = 0;
          this._lists = (function() {
            var j, ref, results;
            results = [];
            for (i = j = 1, ref = num_priorities; 1 <= ref ? j <= ref : j >= ref; i = 1 <= ref ? ++j : --j) {
              results.push(new DLList$1((() => {
                return this.incr();
              }), (() => {
                return this.decr();
              })));
            }
            return results;
          }).call(this);
        }
        incr() {
          if (this._length++ === 0) {
            return this.Events.trigger("leftzero");
          }
        }
        decr() {
          if (--this._length === 0) {
            return this.Events.trigger("zero");
          }
        }
        push(job) {
          return this._lists[job.options.priority].push(job);
        }
        queued(priority) {
          if (priority != null) {
            return this._lists[priority].length;
          } else {
            return this._length;
          }
        }
        shiftAll(fn) {
          return this._lists.forEach(function(list) {
            return list.forEachShift(fn);
          });
        }
        getFirst(arr = this._lists) {
          var j, len, list;
          for (j = 0, len = arr.length; j < len; j++) {
            list = arr[j];
            if (list.length > 0) {
              return list;
            }
          }
          return [];
        }
        shiftLastFrom(priority) {
          return this.getFirst(this._lists.slice(priority).reverse()).shift();
        }
      };
      var Queues_1 = Queues;
      var BottleneckError;
      BottleneckError = class BottleneckError extends Error {
      };
      var BottleneckError_1 = BottleneckError;
      var BottleneckError$1, DEFAULT_PRIORITY, Job, NUM_PRIORITIES, parser$1;
      NUM_PRIORITIES = 10;
      DEFAULT_PRIORITY = 5;
      parser$1 = parser;
      BottleneckError$1 = BottleneckError_1;
      Job = class Job {
        constructor(task, args, options, jobDefaults, rejectOnDrop, Events2, _states, Promise2) {
          this.task = task;
          this.args = args;
          this.rejectOnDrop = rejectOnDrop;
          this.Events = Events2;
          this._states = _states;
          this.Promise = Promise2;
          this.options = parser$1.load(options, jobDefaults);
          this.options.priority = this._sanitizePriority(this.options.priority);
          if (this.options.id === jobDefaults.id) {
            this.options.id = `${this.options.id}-${this._randomIndex()}`;
          }
          this.promise = new this.Promise((_resolve, _reject) => {
            this._resolve = _resolve;
            this._reject = _reject;
          });
          this.retryCount = 0;
        }
        _sanitizePriority(priority) {
          var sProperty;
          sProperty = ~~priority !== priority ? DEFAULT_PRIORITY : priority;
          if (sProperty < 0) {
            return 0;
          } else if (sProperty > NUM_PRIORITIES - 1) {
            return NUM_PRIORITIES - 1;
          } else {
            return sProperty;
          }
        }
        _randomIndex() {
          return Math.random().toString(36).slice(2);
        }
        doDrop({ error, message = "This job has been dropped by Bottleneck" } = {}) {
          if (this._states.remove(this.options.id)) {
            if (this.rejectOnDrop) {
              this._reject(error != null ? error : new BottleneckError$1(message));
            }
            this.Events.trigger("dropped", { args: this.args, options: this.options, task: this.task, promise: this.promise });
            return true;
          } else {
            return false;
          }
        }
        _assertStatus(expected) {
          var status;
          status = this._states.jobStatus(this.options.id);
          if (!(status === expected || expected === "DONE" && status === null)) {
            throw new BottleneckError$1(`Invalid job status ${status}, expected ${expected}. Please open an issue at https://github.com/SGrondin/bottleneck/issues`);
          }
        }
        doReceive() {
          this._states.start(this.options.id);
          return this.Events.trigger("received", { args: this.args, options: this.options });
        }
        doQueue(reachedHWM, blocked) {
          this._assertStatus("RECEIVED");
          this._states.next(this.options.id);
          return this.Events.trigger("queued", { args: this.args, options: this.options, reachedHWM, blocked });
        }
        doRun() {
          if (this.retryCount === 0) {
            this._assertStatus("QUEUED");
            this._states.next(this.options.id);
          } else {
            this._assertStatus("EXECUTING");
          }
          return this.Events.trigger("scheduled", { args: this.args, options: this.options });
        }
        async doExecute(chained, clearGlobalState, run, free) {
          var error, eventInfo, passed;
          if (this.retryCount === 0) {
            this._assertStatus("RUNNING");
            this._states.next(this.options.id);
          } else {
            this._assertStatus("EXECUTING");
          }
          eventInfo = { args: this.args, options: this.options, retryCount: this.retryCount };
          this.Events.trigger("executing", eventInfo);
          try {
            passed = await (chained != null ? chained.schedule(this.options, this.task, ...this.args) : this.task(...this.args));
            if (clearGlobalState()) {
              this.doDone(eventInfo);
              await free(this.options, eventInfo);
              this._assertStatus("DONE");
              return this._resolve(passed);
            }
          } catch (error1) {
            error = error1;
            return this._onFailure(error, eventInfo, clearGlobalState, run, free);
          }
        }
        doExpire(clearGlobalState, run, free) {
          var error, eventInfo;
          if (this._states.jobStatus(this.options.id === "RUNNING")) {
            this._states.next(this.options.id);
          }
          this._assertStatus("EXECUTING");
          eventInfo = { args: this.args, options: this.options, retryCount: this.retryCount };
          error = new BottleneckError$1(`This job timed out after ${this.options.expiration} ms.`);
          return this._onFailure(error, eventInfo, clearGlobalState, run, free);
        }
        async _onFailure(error, eventInfo, clearGlobalState, run, free) {
          var retry2, retryAfter;
          if (clearGlobalState()) {
            retry2 = await this.Events.trigger("failed", error, eventInfo);
            if (retry2 != null) {
              retryAfter = ~~retry2;
              this.Events.trigger("retry", `Retrying ${this.options.id} after ${retryAfter} ms`, eventInfo);
              this.retryCount++;
              return run(retryAfter);
            } else {
              this.doDone(eventInfo);
              await free(this.options, eventInfo);
              this._assertStatus("DONE");
              return this._reject(error);
            }
          }
        }
        doDone(eventInfo) {
          this._assertStatus("EXECUTING");
          this._states.next(this.options.id);
          return this.Events.trigger("done", eventInfo);
        }
      };
      var Job_1 = Job;
      var BottleneckError$2, LocalDatastore, parser$2;
      parser$2 = parser;
      BottleneckError$2 = BottleneckError_1;
      LocalDatastore = class LocalDatastore {
        constructor(instance, storeOptions, storeInstanceOptions) {
          this.instance = instance;
          this.storeOptions = storeOptions;
          this.clientId = this.instance._randomIndex();
          parser$2.load(storeInstanceOptions, storeInstanceOptions, this);
          this._nextRequest = this._lastReservoirRefresh = this._lastReservoirIncrease = Date.now();
          this._running = 0;
          this._done = 0;
          this._unblockTime = 0;
          this.ready = this.Promise.resolve();
          this.clients = {};
          this._startHeartbeat();
        }
        _startHeartbeat() {
          var base;
          if (this.heartbeat == null && (this.storeOptions.reservoirRefreshInterval != null && this.storeOptions.reservoirRefreshAmount != null || this.storeOptions.reservoirIncreaseInterval != null && this.storeOptions.reservoirIncreaseAmount != null)) {
            return typeof (base = this.heartbeat = setInterval(() => {
              var amount, incr, maximum, now, reservoir;
              now = Date.now();
              if (this.storeOptions.reservoirRefreshInterval != null && now >= this._lastReservoirRefresh + this.storeOptions.reservoirRefreshInterval) {
                this._lastReservoirRefresh = now;
                this.storeOptions.reservoir = this.storeOptions.reservoirRefreshAmount;
                this.instance._drainAll(this.computeCapacity());
              }
              if (this.storeOptions.reservoirIncreaseInterval != null && now >= this._lastReservoirIncrease + this.storeOptions.reservoirIncreaseInterval) {
                ({
                  reservoirIncreaseAmount: amount,
                  reservoirIncreaseMaximum: maximum,
                  reservoir
                } = this.storeOptions);
                this._lastReservoirIncrease = now;
                incr = maximum != null ? Math.min(amount, maximum - reservoir) : amount;
                if (incr > 0) {
                  this.storeOptions.reservoir += incr;
                  return this.instance._drainAll(this.computeCapacity());
                }
              }
            }, this.heartbeatInterval)).unref === "function" ? base.unref() : void 0;
          } else {
            return clearInterval(this.heartbeat);
          }
        }
        async __publish__(message) {
          await this.yieldLoop();
          return this.instance.Events.trigger("message", message.toString());
        }
        async __disconnect__(flush) {
          await this.yieldLoop();
          clearInterval(this.heartbeat);
          return this.Promise.resolve();
        }
        yieldLoop(t = 0) {
          return new this.Promise(function(resolve, reject) {
            return setTimeout(resolve, t);
          });
        }
        computePenalty() {
          var ref;
          return (ref = this.storeOptions.penalty) != null ? ref : 15 * this.storeOptions.minTime || 5e3;
        }
        async __updateSettings__(options) {
          await this.yieldLoop();
          parser$2.overwrite(options, options, this.storeOptions);
          this._startHeartbeat();
          this.instance._drainAll(this.computeCapacity());
          return true;
        }
        async __running__() {
          await this.yieldLoop();
          return this._running;
        }
        async __queued__() {
          await this.yieldLoop();
          return this.instance.queued();
        }
        async __done__() {
          await this.yieldLoop();
          return this._done;
        }
        async __groupCheck__(time) {
          await this.yieldLoop();
          return this._nextRequest + this.timeout < time;
        }
        computeCapacity() {
          var maxConcurrent, reservoir;
          ({ maxConcurrent, reservoir } = this.storeOptions);
          if (maxConcurrent != null && reservoir != null) {
            return Math.min(maxConcurrent - this._running, reservoir);
          } else if (maxConcurrent != null) {
            return maxConcurrent - this._running;
          } else if (reservoir != null) {
            return reservoir;
          } else {
            return null;
          }
        }
        conditionsCheck(weight) {
          var capacity;
          capacity = this.computeCapacity();
          return capacity == null || weight <= capacity;
        }
        async __incrementReservoir__(incr) {
          var reservoir;
          await this.yieldLoop();
          reservoir = this.storeOptions.reservoir += incr;
          this.instance._drainAll(this.computeCapacity());
          return reservoir;
        }
        async __currentReservoir__() {
          await this.yieldLoop();
          return this.storeOptions.reservoir;
        }
        isBlocked(now) {
          return this._unblockTime >= now;
        }
        check(weight, now) {
          return this.conditionsCheck(weight) && this._nextRequest - now <= 0;
        }
        async __check__(weight) {
          var now;
          await this.yieldLoop();
          now = Date.now();
          return this.check(weight, now);
        }
        async __register__(index, weight, expiration) {
          var now, wait;
          await this.yieldLoop();
          now = Date.now();
          if (this.conditionsCheck(weight)) {
            this._running += weight;
            if (this.storeOptions.reservoir != null) {
              this.storeOptions.reservoir -= weight;
            }
            wait = Math.max(this._nextRequest - now, 0);
            this._nextRequest = now + wait + this.storeOptions.minTime;
            return {
              success: true,
              wait,
              reservoir: this.storeOptions.reservoir
            };
          } else {
            return {
              success: false
            };
          }
        }
        strategyIsBlock() {
          return this.storeOptions.strategy === 3;
        }
        async __submit__(queueLength, weight) {
          var blocked, now, reachedHWM;
          await this.yieldLoop();
          if (this.storeOptions.maxConcurrent != null && weight > this.storeOptions.maxConcurrent) {
            throw new BottleneckError$2(`Impossible to add a job having a weight of ${weight} to a limiter having a maxConcurrent setting of ${this.storeOptions.maxConcurrent}`);
          }
          now = Date.now();
          reachedHWM = this.storeOptions.highWater != null && queueLength === this.storeOptions.highWater && !this.check(weight, now);
          blocked = this.strategyIsBlock() && (reachedHWM || this.isBlocked(now));
          if (blocked) {
            this._unblockTime = now + this.computePenalty();
            this._nextRequest = this._unblockTime + this.storeOptions.minTime;
            this.instance._dropAllQueued();
          }
          return {
            reachedHWM,
            blocked,
            strategy: this.storeOptions.strategy
          };
        }
        async __free__(index, weight) {
          await this.yieldLoop();
          this._running -= weight;
          this._done += weight;
          this.instance._drainAll(this.computeCapacity());
          return {
            running: this._running
          };
        }
      };
      var LocalDatastore_1 = LocalDatastore;
      var BottleneckError$3, States;
      BottleneckError$3 = BottleneckError_1;
      States = class States {
        constructor(status1) {
          this.status = status1;
          this._jobs = {};
          this.counts = this.status.map(function() {
            return 0;
          });
        }
        next(id) {
          var current, next;
          current = this._jobs[id];
          next = current + 1;
          if (current != null && next < this.status.length) {
            this.counts[current]--;
            this.counts[next]++;
            return this._jobs[id]++;
          } else if (current != null) {
            this.counts[current]--;
            return delete this._jobs[id];
          }
        }
        start(id) {
          var initial;
          initial = 0;
          this._jobs[id] = initial;
          return this.counts[initial]++;
        }
        remove(id) {
          var current;
          current = this._jobs[id];
          if (current != null) {
            this.counts[current]--;
            delete this._jobs[id];
          }
          return current != null;
        }
        jobStatus(id) {
          var ref;
          return (ref = this.status[this._jobs[id]]) != null ? ref : null;
        }
        statusJobs(status) {
          var k, pos, ref, results, v;
          if (status != null) {
            pos = this.status.indexOf(status);
            if (pos < 0) {
              throw new BottleneckError$3(`status must be one of ${this.status.join(", ")}`);
            }
            ref = this._jobs;
            results = [];
            for (k in ref) {
              v = ref[k];
              if (v === pos) {
                results.push(k);
              }
            }
            return results;
          } else {
            return Object.keys(this._jobs);
          }
        }
        statusCounts() {
          return this.counts.reduce(((acc, v, i) => {
            acc[this.status[i]] = v;
            return acc;
          }), {});
        }
      };
      var States_1 = States;
      var DLList$2, Sync;
      DLList$2 = DLList_1;
      Sync = class Sync {
        constructor(name, Promise2) {
          this.schedule = this.schedule.bind(this);
          this.name = name;
          this.Promise = Promise2;
          this._running = 0;
          this._queue = new DLList$2();
        }
        isEmpty() {
          return this._queue.length === 0;
        }
        async _tryToRun() {
          var args, cb, error, reject, resolve, returned, task;
          if (this._running < 1 && this._queue.length > 0) {
            this._running++;
            ({ task, args, resolve, reject } = this._queue.shift());
            cb = await (async function() {
              try {
                returned = await task(...args);
                return function() {
                  return resolve(returned);
                };
              } catch (error1) {
                error = error1;
                return function() {
                  return reject(error);
                };
              }
            })();
            this._running--;
            this._tryToRun();
            return cb();
          }
        }
        schedule(task, ...args) {
          var promise, reject, resolve;
          resolve = reject = null;
          promise = new this.Promise(function(_resolve, _reject) {
            resolve = _resolve;
            return reject = _reject;
          });
          this._queue.push({ task, args, resolve, reject });
          this._tryToRun();
          return promise;
        }
      };
      var Sync_1 = Sync;
      var version = "2.19.5";
      var version$1 = {
        version
      };
      var version$2 = /* @__PURE__ */ Object.freeze({
        version,
        default: version$1
      });
      var require$$2 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var require$$3 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var require$$4 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var Events$2, Group, IORedisConnection$1, RedisConnection$1, Scripts$1, parser$3;
      parser$3 = parser;
      Events$2 = Events_1;
      RedisConnection$1 = require$$2;
      IORedisConnection$1 = require$$3;
      Scripts$1 = require$$4;
      Group = (function() {
        class Group2 {
          constructor(limiterOptions = {}) {
            this.deleteKey = this.deleteKey.bind(this);
            this.limiterOptions = limiterOptions;
            parser$3.load(this.limiterOptions, this.defaults, this);
            this.Events = new Events$2(this);
            this.instances = {};
            this.Bottleneck = Bottleneck_1;
            this._startAutoCleanup();
            this.sharedConnection = this.connection != null;
            if (this.connection == null) {
              if (this.limiterOptions.datastore === "redis") {
                this.connection = new RedisConnection$1(Object.assign({}, this.limiterOptions, { Events: this.Events }));
              } else if (this.limiterOptions.datastore === "ioredis") {
                this.connection = new IORedisConnection$1(Object.assign({}, this.limiterOptions, { Events: this.Events }));
              }
            }
          }
          key(key = "") {
            var ref;
            return (ref = this.instances[key]) != null ? ref : (() => {
              var limiter;
              limiter = this.instances[key] = new this.Bottleneck(Object.assign(this.limiterOptions, {
                id: `${this.id}-${key}`,
                timeout: this.timeout,
                connection: this.connection
              }));
              this.Events.trigger("created", limiter, key);
              return limiter;
            })();
          }
          async deleteKey(key = "") {
            var deleted, instance;
            instance = this.instances[key];
            if (this.connection) {
              deleted = await this.connection.__runCommand__(["del", ...Scripts$1.allKeys(`${this.id}-${key}`)]);
            }
            if (instance != null) {
              delete this.instances[key];
              await instance.disconnect();
            }
            return instance != null || deleted > 0;
          }
          limiters() {
            var k, ref, results, v;
            ref = this.instances;
            results = [];
            for (k in ref) {
              v = ref[k];
              results.push({
                key: k,
                limiter: v
              });
            }
            return results;
          }
          keys() {
            return Object.keys(this.instances);
          }
          async clusterKeys() {
            var cursor, end, found, i, k, keys, len, next, start;
            if (this.connection == null) {
              return this.Promise.resolve(this.keys());
            }
            keys = [];
            cursor = null;
            start = `b_${this.id}-`.length;
            end = "_settings".length;
            while (cursor !== 0) {
              [next, found] = await this.connection.__runCommand__(["scan", cursor != null ? cursor : 0, "match", `b_${this.id}-*_settings`, "count", 1e4]);
              cursor = ~~next;
              for (i = 0, len = found.length; i < len; i++) {
                k = found[i];
                keys.push(k.slice(start, -end));
              }
            }
            return keys;
          }
          _startAutoCleanup() {
            var base;
            clearInterval(this.interval);
            return typeof (base = this.interval = setInterval(async () => {
              var e, k, ref, results, time, v;
              time = Date.now();
              ref = this.instances;
              results = [];
              for (k in ref) {
                v = ref[k];
                try {
                  if (await v._store.__groupCheck__(time)) {
                    results.push(this.deleteKey(k));
                  } else {
                    results.push(void 0);
                  }
                } catch (error) {
                  e = error;
                  results.push(v.Events.trigger("error", e));
                }
              }
              return results;
            }, this.timeout / 2)).unref === "function" ? base.unref() : void 0;
          }
          updateSettings(options = {}) {
            parser$3.overwrite(options, this.defaults, this);
            parser$3.overwrite(options, options, this.limiterOptions);
            if (options.timeout != null) {
              return this._startAutoCleanup();
            }
          }
          disconnect(flush = true) {
            var ref;
            if (!this.sharedConnection) {
              return (ref = this.connection) != null ? ref.disconnect(flush) : void 0;
            }
          }
        }
        Group2.prototype.defaults = {
          timeout: 1e3 * 60 * 5,
          connection: null,
          Promise,
          id: "group-key"
        };
        return Group2;
      }).call(commonjsGlobal);
      var Group_1 = Group;
      var Batcher, Events$3, parser$4;
      parser$4 = parser;
      Events$3 = Events_1;
      Batcher = (function() {
        class Batcher2 {
          constructor(options = {}) {
            this.options = options;
            parser$4.load(this.options, this.defaults, this);
            this.Events = new Events$3(this);
            this._arr = [];
            this._resetPromise();
            this._lastFlush = Date.now();
          }
          _resetPromise() {
            return this._promise = new this.Promise((res, rej) => {
              return this._resolve = res;
            });
          }
          _flush() {
            clearTimeout(this._timeout);
            this._lastFlush = Date.now();
            this._resolve();
            this.Events.trigger("batch", this._arr);
            this._arr = [];
            return this._resetPromise();
          }
          add(data) {
            var ret;
            this._arr.push(data);
            ret = this._promise;
            if (this._arr.length === this.maxSize) {
              this._flush();
            } else if (this.maxTime != null && this._arr.length === 1) {
              this._timeout = setTimeout(() => {
                return this._flush();
              }, this.maxTime);
            }
            return ret;
          }
        }
        Batcher2.prototype.defaults = {
          maxTime: null,
          maxSize: null,
          Promise
        };
        return Batcher2;
      }).call(commonjsGlobal);
      var Batcher_1 = Batcher;
      var require$$4$1 = () => console.log("You must import the full version of Bottleneck in order to use this feature.");
      var require$$8 = getCjsExportFromNamespace(version$2);
      var Bottleneck3, DEFAULT_PRIORITY$1, Events$4, Job$1, LocalDatastore$1, NUM_PRIORITIES$1, Queues$1, RedisDatastore$1, States$1, Sync$1, parser$5, splice = [].splice;
      NUM_PRIORITIES$1 = 10;
      DEFAULT_PRIORITY$1 = 5;
      parser$5 = parser;
      Queues$1 = Queues_1;
      Job$1 = Job_1;
      LocalDatastore$1 = LocalDatastore_1;
      RedisDatastore$1 = require$$4$1;
      Events$4 = Events_1;
      States$1 = States_1;
      Sync$1 = Sync_1;
      Bottleneck3 = (function() {
        class Bottleneck4 {
          constructor(options = {}, ...invalid2) {
            var storeInstanceOptions, storeOptions;
            this._addToQueue = this._addToQueue.bind(this);
            this._validateOptions(options, invalid2);
            parser$5.load(options, this.instanceDefaults, this);
            this._queues = new Queues$1(NUM_PRIORITIES$1);
            this._scheduled = {};
            this._states = new States$1(["RECEIVED", "QUEUED", "RUNNING", "EXECUTING"].concat(this.trackDoneStatus ? ["DONE"] : []));
            this._limiter = null;
            this.Events = new Events$4(this);
            this._submitLock = new Sync$1("submit", this.Promise);
            this._registerLock = new Sync$1("register", this.Promise);
            storeOptions = parser$5.load(options, this.storeDefaults, {});
            this._store = (function() {
              if (this.datastore === "redis" || this.datastore === "ioredis" || this.connection != null) {
                storeInstanceOptions = parser$5.load(options, this.redisStoreDefaults, {});
                return new RedisDatastore$1(this, storeOptions, storeInstanceOptions);
              } else if (this.datastore === "local") {
                storeInstanceOptions = parser$5.load(options, this.localStoreDefaults, {});
                return new LocalDatastore$1(this, storeOptions, storeInstanceOptions);
              } else {
                throw new Bottleneck4.prototype.BottleneckError(`Invalid datastore type: ${this.datastore}`);
              }
            }).call(this);
            this._queues.on("leftzero", () => {
              var ref;
              return (ref = this._store.heartbeat) != null ? typeof ref.ref === "function" ? ref.ref() : void 0 : void 0;
            });
            this._queues.on("zero", () => {
              var ref;
              return (ref = this._store.heartbeat) != null ? typeof ref.unref === "function" ? ref.unref() : void 0 : void 0;
            });
          }
          _validateOptions(options, invalid2) {
            if (!(options != null && typeof options === "object" && invalid2.length === 0)) {
              throw new Bottleneck4.prototype.BottleneckError("Bottleneck v2 takes a single object argument. Refer to https://github.com/SGrondin/bottleneck#upgrading-to-v2 if you're upgrading from Bottleneck v1.");
            }
          }
          ready() {
            return this._store.ready;
          }
          clients() {
            return this._store.clients;
          }
          channel() {
            return `b_${this.id}`;
          }
          channel_client() {
            return `b_${this.id}_${this._store.clientId}`;
          }
          publish(message) {
            return this._store.__publish__(message);
          }
          disconnect(flush = true) {
            return this._store.__disconnect__(flush);
          }
          chain(_limiter) {
            this._limiter = _limiter;
            return this;
          }
          queued(priority) {
            return this._queues.queued(priority);
          }
          clusterQueued() {
            return this._store.__queued__();
          }
          empty() {
            return this.queued() === 0 && this._submitLock.isEmpty();
          }
          running() {
            return this._store.__running__();
          }
          done() {
            return this._store.__done__();
          }
          jobStatus(id) {
            return this._states.jobStatus(id);
          }
          jobs(status) {
            return this._states.statusJobs(status);
          }
          counts() {
            return this._states.statusCounts();
          }
          _randomIndex() {
            return Math.random().toString(36).slice(2);
          }
          check(weight = 1) {
            return this._store.__check__(weight);
          }
          _clearGlobalState(index) {
            if (this._scheduled[index] != null) {
              clearTimeout(this._scheduled[index].expiration);
              delete this._scheduled[index];
              return true;
            } else {
              return false;
            }
          }
          async _free(index, job, options, eventInfo) {
            var e, running;
            try {
              ({ running } = await this._store.__free__(index, options.weight));
              this.Events.trigger("debug", `Freed ${options.id}`, eventInfo);
              if (running === 0 && this.empty()) {
                return this.Events.trigger("idle");
              }
            } catch (error1) {
              e = error1;
              return this.Events.trigger("error", e);
            }
          }
          _run(index, job, wait) {
            var clearGlobalState, free, run;
            job.doRun();
            clearGlobalState = this._clearGlobalState.bind(this, index);
            run = this._run.bind(this, index, job);
            free = this._free.bind(this, index, job);
            return this._scheduled[index] = {
              timeout: setTimeout(() => {
                return job.doExecute(this._limiter, clearGlobalState, run, free);
              }, wait),
              expiration: job.options.expiration != null ? setTimeout(function() {
                return job.doExpire(clearGlobalState, run, free);
              }, wait + job.options.expiration) : void 0,
              job
            };
          }
          _drainOne(capacity) {
            return this._registerLock.schedule(() => {
              var args, index, next, options, queue;
              if (this.queued() === 0) {
                return this.Promise.resolve(null);
              }
              queue = this._queues.getFirst();
              ({ options, args } = next = queue.first());
              if (capacity != null && options.weight > capacity) {
                return this.Promise.resolve(null);
              }
              this.Events.trigger("debug", `Draining ${options.id}`, { args, options });
              index = this._randomIndex();
              return this._store.__register__(index, options.weight, options.expiration).then(({ success, wait, reservoir }) => {
                var empty;
                this.Events.trigger("debug", `Drained ${options.id}`, { success, args, options });
                if (success) {
                  queue.shift();
                  empty = this.empty();
                  if (empty) {
                    this.Events.trigger("empty");
                  }
                  if (reservoir === 0) {
                    this.Events.trigger("depleted", empty);
                  }
                  this._run(index, next, wait);
                  return this.Promise.resolve(options.weight);
                } else {
                  return this.Promise.resolve(null);
                }
              });
            });
          }
          _drainAll(capacity, total = 0) {
            return this._drainOne(capacity).then((drained) => {
              var newCapacity;
              if (drained != null) {
                newCapacity = capacity != null ? capacity - drained : capacity;
                return this._drainAll(newCapacity, total + drained);
              } else {
                return this.Promise.resolve(total);
              }
            }).catch((e) => {
              return this.Events.trigger("error", e);
            });
          }
          _dropAllQueued(message) {
            return this._queues.shiftAll(function(job) {
              return job.doDrop({ message });
            });
          }
          stop(options = {}) {
            var done, waitForExecuting;
            options = parser$5.load(options, this.stopDefaults);
            waitForExecuting = (at) => {
              var finished;
              finished = () => {
                var counts;
                counts = this._states.counts;
                return counts[0] + counts[1] + counts[2] + counts[3] === at;
              };
              return new this.Promise((resolve, reject) => {
                if (finished()) {
                  return resolve();
                } else {
                  return this.on("done", () => {
                    if (finished()) {
                      this.removeAllListeners("done");
                      return resolve();
                    }
                  });
                }
              });
            };
            done = options.dropWaitingJobs ? (this._run = function(index, next) {
              return next.doDrop({
                message: options.dropErrorMessage
              });
            }, this._drainOne = () => {
              return this.Promise.resolve(null);
            }, this._registerLock.schedule(() => {
              return this._submitLock.schedule(() => {
                var k, ref, v;
                ref = this._scheduled;
                for (k in ref) {
                  v = ref[k];
                  if (this.jobStatus(v.job.options.id) === "RUNNING") {
                    clearTimeout(v.timeout);
                    clearTimeout(v.expiration);
                    v.job.doDrop({
                      message: options.dropErrorMessage
                    });
                  }
                }
                this._dropAllQueued(options.dropErrorMessage);
                return waitForExecuting(0);
              });
            })) : this.schedule({
              priority: NUM_PRIORITIES$1 - 1,
              weight: 0
            }, () => {
              return waitForExecuting(1);
            });
            this._receive = function(job) {
              return job._reject(new Bottleneck4.prototype.BottleneckError(options.enqueueErrorMessage));
            };
            this.stop = () => {
              return this.Promise.reject(new Bottleneck4.prototype.BottleneckError("stop() has already been called"));
            };
            return done;
          }
          async _addToQueue(job) {
            var args, blocked, error, options, reachedHWM, shifted, strategy;
            ({ args, options } = job);
            try {
              ({ reachedHWM, blocked, strategy } = await this._store.__submit__(this.queued(), options.weight));
            } catch (error1) {
              error = error1;
              this.Events.trigger("debug", `Could not queue ${options.id}`, { args, options, error });
              job.doDrop({ error });
              return false;
            }
            if (blocked) {
              job.doDrop();
              return true;
            } else if (reachedHWM) {
              shifted = strategy === Bottleneck4.prototype.strategy.LEAK ? this._queues.shiftLastFrom(options.priority) : strategy === Bottleneck4.prototype.strategy.OVERFLOW_PRIORITY ? this._queues.shiftLastFrom(options.priority + 1) : strategy === Bottleneck4.prototype.strategy.OVERFLOW ? job : void 0;
              if (shifted != null) {
                shifted.doDrop();
              }
              if (shifted == null || strategy === Bottleneck4.prototype.strategy.OVERFLOW) {
                if (shifted == null) {
                  job.doDrop();
                }
                return reachedHWM;
              }
            }
            job.doQueue(reachedHWM, blocked);
            this._queues.push(job);
            await this._drainAll();
            return reachedHWM;
          }
          _receive(job) {
            if (this._states.jobStatus(job.options.id) != null) {
              job._reject(new Bottleneck4.prototype.BottleneckError(`A job with the same id already exists (id=${job.options.id})`));
              return false;
            } else {
              job.doReceive();
              return this._submitLock.schedule(this._addToQueue, job);
            }
          }
          submit(...args) {
            var cb, fn, job, options, ref, ref1, task;
            if (typeof args[0] === "function") {
              ref = args, [fn, ...args] = ref, [cb] = splice.call(args, -1);
              options = parser$5.load({}, this.jobDefaults);
            } else {
              ref1 = args, [options, fn, ...args] = ref1, [cb] = splice.call(args, -1);
              options = parser$5.load(options, this.jobDefaults);
            }
            task = (...args2) => {
              return new this.Promise(function(resolve, reject) {
                return fn(...args2, function(...args3) {
                  return (args3[0] != null ? reject : resolve)(args3);
                });
              });
            };
            job = new Job$1(task, args, options, this.jobDefaults, this.rejectOnDrop, this.Events, this._states, this.Promise);
            job.promise.then(function(args2) {
              return typeof cb === "function" ? cb(...args2) : void 0;
            }).catch(function(args2) {
              if (Array.isArray(args2)) {
                return typeof cb === "function" ? cb(...args2) : void 0;
              } else {
                return typeof cb === "function" ? cb(args2) : void 0;
              }
            });
            return this._receive(job);
          }
          schedule(...args) {
            var job, options, task;
            if (typeof args[0] === "function") {
              [task, ...args] = args;
              options = {};
            } else {
              [options, task, ...args] = args;
            }
            job = new Job$1(task, args, options, this.jobDefaults, this.rejectOnDrop, this.Events, this._states, this.Promise);
            this._receive(job);
            return job.promise;
          }
          wrap(fn) {
            var schedule, wrapped;
            schedule = this.schedule.bind(this);
            wrapped = function(...args) {
              return schedule(fn.bind(this), ...args);
            };
            wrapped.withOptions = function(options, ...args) {
              return schedule(options, fn, ...args);
            };
            return wrapped;
          }
          async updateSettings(options = {}) {
            await this._store.__updateSettings__(parser$5.overwrite(options, this.storeDefaults));
            parser$5.overwrite(options, this.instanceDefaults, this);
            return this;
          }
          currentReservoir() {
            return this._store.__currentReservoir__();
          }
          incrementReservoir(incr = 0) {
            return this._store.__incrementReservoir__(incr);
          }
        }
        Bottleneck4.default = Bottleneck4;
        Bottleneck4.Events = Events$4;
        Bottleneck4.version = Bottleneck4.prototype.version = require$$8.version;
        Bottleneck4.strategy = Bottleneck4.prototype.strategy = {
          LEAK: 1,
          OVERFLOW: 2,
          OVERFLOW_PRIORITY: 4,
          BLOCK: 3
        };
        Bottleneck4.BottleneckError = Bottleneck4.prototype.BottleneckError = BottleneckError_1;
        Bottleneck4.Group = Bottleneck4.prototype.Group = Group_1;
        Bottleneck4.RedisConnection = Bottleneck4.prototype.RedisConnection = require$$2;
        Bottleneck4.IORedisConnection = Bottleneck4.prototype.IORedisConnection = require$$3;
        Bottleneck4.Batcher = Bottleneck4.prototype.Batcher = Batcher_1;
        Bottleneck4.prototype.jobDefaults = {
          priority: DEFAULT_PRIORITY$1,
          weight: 1,
          expiration: null,
          id: "<no-id>"
        };
        Bottleneck4.prototype.storeDefaults = {
          maxConcurrent: null,
          minTime: 0,
          highWater: null,
          strategy: Bottleneck4.prototype.strategy.LEAK,
          penalty: null,
          reservoir: null,
          reservoirRefreshInterval: null,
          reservoirRefreshAmount: null,
          reservoirIncreaseInterval: null,
          reservoirIncreaseAmount: null,
          reservoirIncreaseMaximum: null
        };
        Bottleneck4.prototype.localStoreDefaults = {
          Promise,
          timeout: null,
          heartbeatInterval: 250
        };
        Bottleneck4.prototype.redisStoreDefaults = {
          Promise,
          timeout: null,
          heartbeatInterval: 5e3,
          clientTimeout: 1e4,
          Redis: null,
          clientOptions: {},
          clusterNodes: null,
          clearDatastore: false,
          connection: null
        };
        Bottleneck4.prototype.instanceDefaults = {
          datastore: "local",
          connection: null,
          id: "<no-id>",
          rejectOnDrop: true,
          trackDoneStatus: false,
          Promise
        };
        Bottleneck4.prototype.stopDefaults = {
          enqueueErrorMessage: "This limiter has been stopped and cannot accept new jobs.",
          dropWaitingJobs: true,
          dropErrorMessage: "This limiter has been stopped."
        };
        return Bottleneck4;
      }).call(commonjsGlobal);
      var Bottleneck_1 = Bottleneck3;
      var lib = Bottleneck_1;
      return lib;
    }));
  }
});

// ../packages/github/src/thread.ts
var NAME = /^[A-Za-z0-9_.-]+$/;
var SHORT = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)#(\d+)$/;
var URL_RE = /^https?:\/\/[^/]+\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/(issues|pull)\/(\d+)(?:[/?#].*)?$/;
function invalid(text) {
  return new CodexrelError("THREAD_REF_INVALID", `not a thread reference: ${JSON.stringify(text)}`, {
    hint: "Use owner/repo#123, or an issue or pull request URL."
  });
}
function parseThreadRef(text, kind) {
  const t = text.trim();
  const short = SHORT.exec(t);
  if (short) return makeRef(short[1], short[2], Number(short[3]), kind, text);
  const url = URL_RE.exec(t);
  if (url) return makeRef(url[1], url[2], Number(url[4]), url[3] === "pull" ? "pr" : "issue", text);
  throw invalid(text);
}
function threadRef(repository, number, kind) {
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/.exec(repository.trim());
  if (!m) {
    throw new CodexrelError("THREAD_REF_INVALID", `not a repository: ${JSON.stringify(repository)}`, {
      hint: "Use owner/repo, e.g. --repo octo-org/widgets."
    });
  }
  return makeRef(m[1], m[2], number, kind, `${repository}#${number}`);
}
function makeRef(owner, repo, number, kind, text) {
  if (!NAME.test(owner) || !NAME.test(repo) || !Number.isSafeInteger(number) || number < 1) throw invalid(text);
  return kind ? { owner, repo, number, kind } : { owner, repo, number };
}
function formatThreadRef(ref) {
  return `${ref.owner}/${ref.repo}#${ref.number}`;
}
function obj(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? v : void 0;
}
function str(v) {
  return typeof v === "string" ? v : void 0;
}
function threadFromEvent(eventName, payload) {
  const p = obj(payload);
  const fullName = str(obj(p?.repository)?.full_name);
  if (!p || !fullName) return null;
  const [owner, repo] = fullName.split("/");
  const pr = obj(p.pull_request);
  if (pr && eventName.startsWith("pull_request")) {
    const number = Number(pr.number ?? p.number);
    const head = obj(pr.head);
    const base = obj(pr.base);
    const headRepo = str(obj(head?.repo)?.full_name) ?? null;
    const baseRepo = str(obj(base?.repo)?.full_name) ?? fullName;
    return {
      ref: { ...makeRef(owner, repo, number, "pr", `${fullName}#${number}`), kind: "pr" },
      head: { repository: headRepo, ref: str(head?.ref) ?? "", sha: str(head?.sha) ?? "" },
      base: { repository: baseRepo, ref: str(base?.ref) ?? "" },
      fork: headRepo === null || headRepo.toLowerCase() !== baseRepo.toLowerCase(),
      ...str(obj(pr.user)?.login) ? { author: str(obj(pr.user)?.login) } : {}
    };
  }
  const issue = obj(p.issue);
  if (issue && (eventName === "issues" || eventName === "issue_comment")) {
    const number = Number(issue.number);
    const kind = issue.pull_request ? "pr" : "issue";
    return {
      ref: { ...makeRef(owner, repo, number, kind, `${fullName}#${number}`), kind },
      ...str(obj(issue.user)?.login) ? { author: str(obj(issue.user)?.login) } : {}
    };
  }
  return null;
}

// ../packages/github/src/authorship.ts
function sameLogin(a, b) {
  if (!a || !b) return false;
  const norm = (s) => s.toLowerCase().replace(/\[bot\]$/, "");
  return norm(a) === norm(b);
}
function isOwnComment(c, identity) {
  return c.viewerDidAuthor !== false && sameAuthor(c.author, c.authorType ?? null, identity.login);
}
function sameAuthor(author, authorType, viewer) {
  if (!author || !viewer) return false;
  const a = author.toLowerCase();
  const v = viewer.toLowerCase();
  const viewerIsBot = v.endsWith("[bot]");
  if (authorType === null) return a === v;
  if (authorType === "Bot") return a.replace(/\[bot\]$/, "") === v.replace(/\[bot\]$/, "");
  return !viewerIsBot && a === v;
}

// ../packages/github/src/comment-body.ts
function sameBody(a, b) {
  const norm = (s) => s.replace(/\r\n/g, "\n").trim();
  return norm(a) === norm(b);
}
var COMMENT_MAX_CHARS = 65536;
function assertCommentLength(body) {
  if (body.length > COMMENT_MAX_CHARS) {
    throw new CodexrelError(
      "COMMENT_TOO_LONG",
      `comment body is ${body.length} characters; GitHub takes ${COMMENT_MAX_CHARS}`,
      {
        hint: "Render the comment with a budget (core's renderComment does) or link the full report instead."
      }
    );
  }
}

// ../packages/github/src/endpoints.ts
var DEFAULT_API_URL = "https://api.github.com";
function resolveEndpoints(options = {}) {
  const apiUrl = normalize(options.apiUrl?.trim() || DEFAULT_API_URL, "GITHUB_API_URL");
  const graphqlUrl = options.graphqlUrl?.trim() ? normalize(options.graphqlUrl.trim(), "GITHUB_GRAPHQL_URL") : /\/api\/v3$/.test(apiUrl) ? apiUrl.replace(/\/api\/v3$/, "/api/graphql") : `${apiUrl}/graphql`;
  const host = new URL(apiUrl).hostname;
  return { apiUrl, graphqlUrl, host: host === "api.github.com" ? "github.com" : host };
}
function normalize(url, name) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new CodexrelError("GITHUB_URL_INVALID", `${name} is not a URL: ${JSON.stringify(url)}`, {
      hint: `Set ${name} to an http(s) URL such as https://api.github.com, or unset it.`,
      cause
    });
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw new CodexrelError("GITHUB_URL_INVALID", `${name} must be http(s), got ${parsed.protocol}`, {
      hint: `Set ${name} to an http(s) URL such as https://api.github.com, or unset it.`
    });
  }
  return url.replace(/\/+$/, "");
}

// ../packages/github/src/errors.ts
var GitHubErrorCodes = {
  GITHUB_TOKEN_MISSING: "GITHUB_TOKEN_MISSING",
  GITHUB_TOKEN_INVALID: "GITHUB_TOKEN_INVALID",
  GITHUB_PERMISSION_DENIED: "GITHUB_PERMISSION_DENIED",
  GITHUB_REPO_ARCHIVED: "GITHUB_REPO_ARCHIVED",
  GITHUB_THREAD_LOCKED: "GITHUB_THREAD_LOCKED",
  GITHUB_NOT_FOUND: "GITHUB_NOT_FOUND",
  GITHUB_RATE_LIMITED: "GITHUB_RATE_LIMITED",
  GITHUB_VALIDATION_FAILED: "GITHUB_VALIDATION_FAILED",
  GITHUB_UNAVAILABLE: "GITHUB_UNAVAILABLE",
  GITHUB_NETWORK: "GITHUB_NETWORK",
  GITHUB_GRAPHQL_ERROR: "GITHUB_GRAPHQL_ERROR",
  GITHUB_URL_INVALID: "GITHUB_URL_INVALID",
  COMMENT_TOO_LONG: "COMMENT_TOO_LONG",
  THREAD_REF_INVALID: "THREAD_REF_INVALID",
  /** The issue or PR number names nothing on GitHub (deleted, transferred, or never there). */
  THREAD_NOT_FOUND: "THREAD_NOT_FOUND",
  /** The repository does not exist or the token cannot see it. */
  REPOSITORY_NOT_FOUND: "REPOSITORY_NOT_FOUND",
  /** Not `owner/name`. */
  REPOSITORY_INVALID: "REPOSITORY_INVALID",
  ISSUE_TITLE_INVALID: "ISSUE_TITLE_INVALID",
  /** An issue body over GitHub's 65,536 characters. */
  ISSUE_TOO_LONG: "ISSUE_TOO_LONG"
};
function isGitHubError(e, code) {
  return e instanceof CodexrelError && e.details !== void 0 && "status" in e.details && (!code || e.code === code);
}
function githubDetails(e) {
  return isGitHubError(e) ? e.details : void 0;
}
function parseAcceptedPermissions(header) {
  if (!header?.trim()) return void 0;
  return header.split(";").map(
    (set) => set.split(",").map((p) => p.trim()).filter(Boolean)
  ).filter((set) => set.length > 0);
}
var ACTIONS_PERMISSION = {
  issues: "issues",
  pull_requests: "pull-requests",
  contents: "contents",
  metadata: "metadata",
  checks: "checks",
  statuses: "statuses",
  actions: "actions",
  discussions: "discussions"
};
function permissionHint(accepted, kind, fallback = "issues=write") {
  const sets = accepted && accepted.length > 0 ? accepted : [[fallback]];
  const first = sets[0];
  if (kind === "installation") {
    const items = first.map((p) => {
      const [name, level] = p.split("=");
      return `\`${ACTIONS_PERMISSION[name ?? ""] ?? name}: ${level ?? "write"}\``;
    });
    const alt = sets.length > 1 ? ` (or ${sets.slice(1).map(
      (s) => s.map((p) => {
        const [n, l] = p.split("=");
        return `\`${ACTIONS_PERMISSION[n ?? ""] ?? n}: ${l}\``;
      }).join(" + ")
    ).join(" or ")})` : "";
    return `add ${items.join(" and ")}${alt} to the job's \`permissions\` (or use a token that has it).`;
  }
  if (kind === "fine-grained") {
    const items = first.map((p) => {
      const [name, level] = p.split("=");
      return `${titleCase(name ?? "")}: ${level === "write" ? "Read and write" : "Read-only"}`;
    });
    return `grant the fine-grained token "${items.join('" and "')}" on this repository.`;
  }
  if (kind === "classic" || kind === "oauth") {
    return "give the token the `repo` scope (`public_repo` is enough for public repositories).";
  }
  return `give the token ${first.join(" and ")} on this repository.`;
}
function titleCase(name) {
  const words = name.split("_").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
var GRAPHQL_FIELD_PERMISSION = {
  workflowRun: "actions: read",
  checkSuite: "checks: read",
  checkSuites: "checks: read",
  checkRuns: "checks: read",
  statusCheckRollup: "checks: read` and `statuses: read",
  status: "statuses: read",
  contexts: "checks: read` and `statuses: read",
  object: "contents: read",
  reviewThreads: "pull-requests: read",
  pullRequest: "pull-requests: read",
  comments: "issues: read"
};
function graphqlPermissionHint(path) {
  for (const field of [...path ?? []].reverse()) {
    const need = typeof field === "string" ? GRAPHQL_FIELD_PERMISSION[field] : void 0;
    if (need) return `add \`${need}\` to the job's \`permissions\` (or use a token that has it).`;
  }
  return null;
}
function toGitHubError(error, what, kind = "unknown") {
  if (error instanceof CodexrelError) return error;
  const e = error ?? {};
  if (e.name === "GraphqlResponseError" && Array.isArray(e.errors)) {
    const first = e.errors[0] ?? {};
    const type = first.type ?? "UNKNOWN";
    const message = first.message ?? "GraphQL error";
    const details2 = { status: 200, githubMessage: message, graphqlType: type };
    if (type === "NOT_FOUND") {
      return new CodexrelError(GitHubErrorCodes.GITHUB_NOT_FOUND, `${what}: ${message}`, {
        hint: "Check the owner, name and number, and that the token can read this repository.",
        details: { ...details2 },
        cause: error
      });
    }
    if (type === "FORBIDDEN") {
      return new CodexrelError(GitHubErrorCodes.GITHUB_PERMISSION_DENIED, `${what}: ${message}`, {
        hint: graphqlPermissionHint(first.path) ?? permissionHint(void 0, kind),
        details: { ...details2 },
        cause: error
      });
    }
    if (type === "RATE_LIMITED") {
      return new CodexrelError(GitHubErrorCodes.GITHUB_RATE_LIMITED, `${what}: ${message}`, {
        hint: "Wait for the GraphQL rate limit to reset, then re-run.",
        details: { ...details2 },
        cause: error
      });
    }
    return new CodexrelError(GitHubErrorCodes.GITHUB_GRAPHQL_ERROR, `${what}: ${type}: ${message}`, {
      hint: "This looks like a bug in the query or an API change; report it with this message.",
      details: { ...details2 },
      cause: error
    });
  }
  const status = typeof e.status === "number" ? e.status : null;
  const headers = e.response?.headers ?? {};
  const data = e.response?.data;
  const githubMessage = typeof data?.message === "string" ? data.message : void 0;
  const acceptedPermissions = parseAcceptedPermissions(headers["x-accepted-github-permissions"]);
  const scopesHeader = headers["x-accepted-oauth-scopes"];
  const acceptedScopes = scopesHeader ? scopesHeader.split(",").map((s) => s.trim()).filter(Boolean) : void 0;
  const retryAfter = headers["retry-after"] ? Number(headers["retry-after"]) : void 0;
  const details = {
    status,
    ...githubMessage ? { githubMessage } : {},
    ...acceptedPermissions ? { acceptedPermissions } : {},
    ...acceptedScopes ? { acceptedScopes } : {},
    ...retryAfter !== void 0 && Number.isFinite(retryAfter) ? { retryAfter } : {}
  };
  const said = githubMessage ? ` (${status}: ${githubMessage})` : status ? ` (${status})` : "";
  const make = (code, message, hint, extra = {}) => new CodexrelError(code, message, { hint, details: { ...details, ...extra }, cause: error });
  if (e.response === void 0 && (status === null || status === 500)) {
    const reason = e.message ?? "network error";
    return make(
      GitHubErrorCodes.GITHUB_NETWORK,
      `${what}: could not reach GitHub: ${reason}`,
      "Check the network and GITHUB_API_URL / GITHUB_GRAPHQL_URL, then re-run.",
      { status: null, network: true }
    );
  }
  if (status === 401) {
    return make(
      GitHubErrorCodes.GITHUB_TOKEN_INVALID,
      `${what}: GitHub rejected the token${said}`,
      "Create a new token (or re-run `gh auth login`) and check GITHUB_TOKEN / GH_TOKEN holds all of it."
    );
  }
  if ((status === 403 || status === 429) && (/rate limit/i.test(githubMessage ?? "") || headers["x-ratelimit-remaining"] === "0")) {
    return make(
      GitHubErrorCodes.GITHUB_RATE_LIMITED,
      `${what}: GitHub rate limit${said}`,
      retryAfter ? `Wait ${retryAfter}s (GitHub's retry-after), then re-run.` : "Wait for the rate limit to reset, then re-run."
    );
  }
  if (status === 403 && /archived/i.test(githubMessage ?? "")) {
    return make(
      GitHubErrorCodes.GITHUB_REPO_ARCHIVED,
      `${what}: the repository is archived (read-only)${said}`,
      "Unarchive the repository in its settings, or publish elsewhere."
    );
  }
  if (status === 403 && /locked/i.test(githubMessage ?? "")) {
    return make(
      GitHubErrorCodes.GITHUB_THREAD_LOCKED,
      `${what}: the conversation is locked${said}`,
      "Unlock the conversation, or use a token of someone with write access."
    );
  }
  if (status === 403) {
    return make(
      GitHubErrorCodes.GITHUB_PERMISSION_DENIED,
      `${what}: permission denied${said}`,
      permissionHint(acceptedPermissions, kind)
    );
  }
  if (status === 404) {
    return make(
      GitHubErrorCodes.GITHUB_NOT_FOUND,
      `${what}: not found${said}`,
      acceptedScopes ? `give the token the ${acceptedScopes.map((s) => `\`${s}\``).join(" or ")} scope.` : "Check the owner, name and number, and that the token can see this repository."
    );
  }
  if (status === 422) {
    return make(
      GitHubErrorCodes.GITHUB_VALIDATION_FAILED,
      `${what}: GitHub refused the request${said}`,
      "This is a bug in the request codexrel sent; report it with this message."
    );
  }
  if (status !== null && status >= 500) {
    return make(
      GitHubErrorCodes.GITHUB_UNAVAILABLE,
      `${what}: GitHub is unavailable${said}`,
      "GitHub had a server error; re-run in a few minutes (see githubstatus.com)."
    );
  }
  return make(
    GitHubErrorCodes.GITHUB_UNAVAILABLE,
    `${what}: unexpected answer from GitHub${said}`,
    "Re-run; if it persists, report it with this message."
  );
}
function isAmbiguousWriteFailure(error) {
  const d = githubDetails(error);
  if (!d) return false;
  return d.network === true || d.status !== null && d.status >= 500;
}

// ../packages/github/src/lost-write.ts
async function writeSafely(what, attempt, reread, policy) {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (!isAmbiguousWriteFailure(error) || n >= policy.retries) throw error;
      let landed;
      try {
        landed = await reread();
      } catch {
        throw error;
      }
      if (landed !== void 0) {
        policy.warn?.(`${what}: the response was lost but the write had landed; not repeating it`);
        return landed;
      }
      policy.warn?.(`${what}: attempt ${n + 1} failed (${error.message}); it did not land, retrying`);
      await policy.sleep((n + 1) ** 2 * policy.retryBaseDelayMs);
    }
  }
}

// ../packages/github/src/mappers.ts
function fromGraphQLComment(c) {
  return {
    id: c.databaseId ?? 0,
    nodeId: c.id,
    body: c.body,
    url: c.url,
    author: c.author?.login ?? null,
    authorType: c.author?.__typename ?? null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    minimized: c.isMinimized,
    viewerDidAuthor: c.viewerDidAuthor
  };
}
function fromRestComment(c) {
  return {
    id: c.id,
    nodeId: c.node_id,
    body: c.body ?? "",
    url: c.html_url,
    author: c.user?.login ?? null,
    authorType: c.user?.type ?? null,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
    minimized: false,
    // Only this client's own writes come back through REST.
    viewerDidAuthor: true
  };
}
function toThreadContext(ref, repo, node) {
  const kind = node.__typename === "PullRequest" ? "pr" : "issue";
  const ctx = {
    ref: { owner: ref.owner, repo: ref.repo, number: ref.number, kind },
    nodeId: node.id,
    url: node.url,
    title: node.title,
    state: node.issueState ?? node.prState ?? "OPEN",
    locked: node.locked,
    author: node.author?.login ?? null,
    repository: {
      nameWithOwner: repo.nameWithOwner,
      archived: repo.isArchived,
      private: repo.isPrivate,
      viewerPermission: repo.viewerPermission
    },
    viewerCanUpdate: node.viewerCanUpdate,
    viewerCannotUpdateReasons: node.viewerCannotUpdateReasons,
    viewerCanReact: node.viewerCanReact
  };
  if (kind === "pr") {
    const headRepo = node.headRepository?.nameWithOwner ?? null;
    const baseRepo = node.baseRepository?.nameWithOwner ?? repo.nameWithOwner;
    ctx.draft = node.isDraft ?? false;
    ctx.head = { repository: headRepo, ref: node.headRefName ?? "", sha: node.headRefOid ?? "" };
    ctx.base = { repository: baseRepo, ref: node.baseRefName ?? "" };
    ctx.fork = node.isCrossRepository === true || headRepo === null || headRepo.toLowerCase() !== baseRepo.toLowerCase();
  }
  return ctx;
}
function notFoundAs(error, ref, which) {
  const d = githubDetails(error);
  if (error !== void 0 && (!isGitHubError(error, "GITHUB_NOT_FOUND") || d?.graphqlType !== "NOT_FOUND"))
    return error;
  const message = d?.githubMessage ?? "";
  const isRepo = which === "repository" || /Repository/.test(message);
  const name = formatThreadRef(ref);
  return isRepo ? new CodexrelError(
    GitHubErrorCodes.REPOSITORY_NOT_FOUND,
    `repository ${ref.owner}/${ref.repo} not found or not visible`,
    {
      hint: "Check --repo, and that the token can read it (private repositories need `repo` scope / `contents: read`).",
      details: { status: d?.status ?? 200, githubMessage: message },
      cause: error
    }
  ) : new CodexrelError(GitHubErrorCodes.THREAD_NOT_FOUND, `${name} is not an issue or pull request`, {
    hint: `Check the number: ${name} does not exist (or was deleted/transferred).`,
    details: { status: d?.status ?? 200, githubMessage: message },
    cause: error
  });
}

// ../packages/github/src/queries.ts
var COMMENT_FIELDS = `id databaseId body url createdAt updatedAt isMinimized viewerDidAuthor author { __typename login }`;
function threadVariables(ref) {
  return { owner: ref.owner, name: ref.repo, number: ref.number };
}
var VIEWER_QUERY = "query CodexrelViewer { viewer { login id } }";
var THREAD_COMMON = `id number url title locked viewerCanUpdate viewerCannotUpdateReasons viewerCanReact author { login }`;
var THREAD_QUERY = `query CodexrelThread($owner: String!, $name: String!, $number: Int!) {
      repository(owner: $owner, name: $name) {
        nameWithOwner isArchived isPrivate viewerPermission
        issueOrPullRequest(number: $number) {
          __typename
          ... on Issue { ${THREAD_COMMON} issueState: state }
          ... on PullRequest { ${THREAD_COMMON} prState: state isDraft isCrossRepository headRefName headRefOid baseRefName
            headRepository { nameWithOwner } baseRepository { nameWithOwner } }
        }
      }
    }`;
function onThread(selection) {
  return `issueOrPullRequest(number: $number) {
          ... on Issue { ${selection} }
          ... on PullRequest { ${selection} }
        }`;
}
var COMMENTS_PAGE_QUERY = `query CodexrelComments($owner: String!, $name: String!, $number: Int!, $before: String) {
      repository(owner: $owner, name: $name) {
        ${onThread(`comments(last: 100, before: $before) { pageInfo { hasPreviousPage startCursor } nodes { ${COMMENT_FIELDS} } }`)}
      }
    }`;
function newestCommentsQuery(last) {
  return `query CodexrelNewestComments($owner: String!, $name: String!, $number: Int!) {
      viewer { login id }
      repository(owner: $owner, name: $name) {
        ${onThread(`comments(last: ${last}) { pageInfo { hasPreviousPage } nodes { ${COMMENT_FIELDS} } }`)}
      }
    }`;
}
function recentCommentsQuery(last) {
  return `query CodexrelRecentComments($owner: String!, $name: String!, $number: Int!) {
      repository(owner: $owner, name: $name) {
        ${onThread(`comments(last: ${last}) { nodes { ${COMMENT_FIELDS} } }`)}
      }
    }`;
}

// ../packages/github/src/throttle.ts
var import_light = __toESM(require_light(), 1);
function createThrottleGroups(spacing = {}) {
  const group = (options) => new import_light.default.Group({ timeout: 12e4, ...options });
  return {
    global: group({ maxConcurrent: 10 }),
    auth: group({ maxConcurrent: 1 }),
    search: group({ maxConcurrent: 1, minTime: spacing.searchIntervalMs ?? 2e3 }),
    write: group({ maxConcurrent: 1, minTime: spacing.writeIntervalMs ?? 1e3 }),
    notifications: group({ maxConcurrent: 1, minTime: spacing.notificationIntervalMs ?? 3e3 })
  };
}
function injectedThrottleGroups(options) {
  if (options.throttleGroups) return options.throttleGroups;
  if (options.writeIntervalMs === void 0 && options.notificationIntervalMs === void 0) return void 0;
  return createThrottleGroups({
    ...options.writeIntervalMs !== void 0 ? { writeIntervalMs: options.writeIntervalMs } : {},
    ...options.notificationIntervalMs !== void 0 ? { notificationIntervalMs: options.notificationIntervalMs } : {}
  });
}
function throttleOptions(policy, groups2, log, redact) {
  const maxRetries = policy.maxRetries ?? 2;
  const maxWaitSeconds = policy.maxWaitSeconds ?? 60;
  const onLimit = (label) => (retryAfter, request2, _octokit, retryCount) => {
    const where = `${request2.method} ${request2.url}`;
    if (retryCount < maxRetries && retryAfter <= maxWaitSeconds) {
      log.warn?.(redact(`${label} on ${where}; retrying after ${retryAfter}s (retry ${retryCount + 1})`));
      return true;
    }
    log.warn?.(redact(`${label} on ${where}; giving up (retry-after ${retryAfter}s)`));
    return false;
  };
  return {
    onRateLimit: onLimit("rate limit"),
    onSecondaryRateLimit: onLimit("secondary rate limit"),
    retryAfterBaseValue: policy.retryAfterScaleMs ?? 1e3,
    ...groups2 ?? {}
  };
}

// ../packages/github/src/token.ts
var TOKEN_MISSING_HINT = (
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the workflow expression is the advice itself.
  "Set GITHUB_TOKEN (in a workflow: `env: GITHUB_TOKEN: ${{ github.token }}`) or GH_TOKEN, or run `gh auth login`."
);
function tokenKind(token) {
  if (token.startsWith("github_pat_")) return "fine-grained";
  if (token.startsWith("ghp_")) return "classic";
  if (token.startsWith("gho_")) return "oauth";
  if (token.startsWith("ghs_")) return "installation";
  if (token.startsWith("ghu_")) return "app-user";
  return "unknown";
}
function usesScopes(kind) {
  return kind === "classic" || kind === "oauth";
}

// ../node_modules/.pnpm/universal-user-agent@7.0.3/node_modules/universal-user-agent/index.js
function getUserAgent() {
  if (typeof navigator === "object" && "userAgent" in navigator) {
    return navigator.userAgent;
  }
  if (typeof process === "object" && process.version !== void 0) {
    return `Node.js/${process.version.substr(1)} (${process.platform}; ${process.arch})`;
  }
  return "<environment undetectable>";
}

// ../node_modules/.pnpm/before-after-hook@4.0.0/node_modules/before-after-hook/lib/register.js
function register(state, name, method, options) {
  if (typeof method !== "function") {
    throw new Error("method for before hook must be a function");
  }
  if (!options) {
    options = {};
  }
  if (Array.isArray(name)) {
    return name.reverse().reduce((callback, name2) => {
      return register.bind(null, state, name2, callback, options);
    }, method)();
  }
  return Promise.resolve().then(() => {
    if (!state.registry[name]) {
      return method(options);
    }
    return state.registry[name].reduce((method2, registered) => {
      return registered.hook.bind(null, method2, options);
    }, method)();
  });
}

// ../node_modules/.pnpm/before-after-hook@4.0.0/node_modules/before-after-hook/lib/add.js
function addHook(state, kind, name, hook2) {
  const orig = hook2;
  if (!state.registry[name]) {
    state.registry[name] = [];
  }
  if (kind === "before") {
    hook2 = (method, options) => {
      return Promise.resolve().then(orig.bind(null, options)).then(method.bind(null, options));
    };
  }
  if (kind === "after") {
    hook2 = (method, options) => {
      let result;
      return Promise.resolve().then(method.bind(null, options)).then((result_) => {
        result = result_;
        return orig(result, options);
      }).then(() => {
        return result;
      });
    };
  }
  if (kind === "error") {
    hook2 = (method, options) => {
      return Promise.resolve().then(method.bind(null, options)).catch((error) => {
        return orig(error, options);
      });
    };
  }
  state.registry[name].push({
    hook: hook2,
    orig
  });
}

// ../node_modules/.pnpm/before-after-hook@4.0.0/node_modules/before-after-hook/lib/remove.js
function removeHook(state, name, method) {
  if (!state.registry[name]) {
    return;
  }
  const index = state.registry[name].map((registered) => {
    return registered.orig;
  }).indexOf(method);
  if (index === -1) {
    return;
  }
  state.registry[name].splice(index, 1);
}

// ../node_modules/.pnpm/before-after-hook@4.0.0/node_modules/before-after-hook/index.js
var bind = Function.bind;
var bindable = bind.bind(bind);
function bindApi(hook2, state, name) {
  const removeHookRef = bindable(removeHook, null).apply(
    null,
    name ? [state, name] : [state]
  );
  hook2.api = { remove: removeHookRef };
  hook2.remove = removeHookRef;
  ["before", "error", "after", "wrap"].forEach((kind) => {
    const args = name ? [state, kind, name] : [state, kind];
    hook2[kind] = hook2.api[kind] = bindable(addHook, null).apply(null, args);
  });
}
function Singular() {
  const singularHookName = /* @__PURE__ */ Symbol("Singular");
  const singularHookState = {
    registry: {}
  };
  const singularHook = register.bind(null, singularHookState, singularHookName);
  bindApi(singularHook, singularHookState, singularHookName);
  return singularHook;
}
function Collection() {
  const state = {
    registry: {}
  };
  const hook2 = register.bind(null, state);
  bindApi(hook2, state);
  return hook2;
}
var before_after_hook_default = { Singular, Collection };

// ../node_modules/.pnpm/@octokit+endpoint@11.0.5/node_modules/@octokit/endpoint/dist-bundle/index.js
var VERSION = "0.0.0-development";
var userAgent = `octokit-endpoint.js/${VERSION} ${getUserAgent()}`;
var DEFAULTS = {
  method: "GET",
  baseUrl: "https://api.github.com",
  headers: {
    accept: "application/vnd.github.v3+json",
    "user-agent": userAgent
  },
  mediaType: {
    format: ""
  }
};
function lowercaseKeys(object) {
  if (!object) {
    return {};
  }
  return Object.keys(object).reduce((newObj, key) => {
    newObj[key.toLowerCase()] = object[key];
    return newObj;
  }, {});
}
function isPlainObject(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
function mergeDeep(defaults, options) {
  const result = Object.assign({}, defaults);
  Object.keys(options).forEach((key) => {
    if (isPlainObject(options[key])) {
      if (!(key in defaults)) Object.assign(result, { [key]: options[key] });
      else result[key] = mergeDeep(defaults[key], options[key]);
    } else {
      Object.assign(result, { [key]: options[key] });
    }
  });
  return result;
}
function removeUndefinedProperties(obj2) {
  for (const key in obj2) {
    if (obj2[key] === void 0) {
      delete obj2[key];
    }
  }
  return obj2;
}
function merge(defaults, route, options) {
  if (typeof route === "string") {
    let [method, url] = route.split(" ");
    options = Object.assign(url ? { method, url } : { url: method }, options);
  } else {
    options = Object.assign({}, route);
  }
  options.headers = lowercaseKeys(options.headers);
  removeUndefinedProperties(options);
  removeUndefinedProperties(options.headers);
  const mergedOptions = mergeDeep(defaults || {}, options);
  if (options.url === "/graphql") {
    if (defaults && defaults.mediaType.previews?.length) {
      mergedOptions.mediaType.previews = defaults.mediaType.previews.filter(
        (preview) => !mergedOptions.mediaType.previews.includes(preview)
      ).concat(mergedOptions.mediaType.previews);
    }
    mergedOptions.mediaType.previews = (mergedOptions.mediaType.previews || []).map((preview) => preview.replace(/-preview/, ""));
  }
  return mergedOptions;
}
function addQueryParameters(url, parameters) {
  const separator = /\?/.test(url) ? "&" : "?";
  const names = Object.keys(parameters);
  if (names.length === 0) {
    return url;
  }
  return url + separator + names.map((name) => {
    if (name === "q") {
      return "q=" + parameters.q.split("+").map(encodeURIComponent).join("+");
    }
    return `${name}=${encodeURIComponent(parameters[name])}`;
  }).join("&");
}
var urlVariableRegex = /\{[^{}}]+\}/g;
function removeNonChars(variableName) {
  return variableName.replace(/(?:^\W+)|(?:(?<!\W)\W+$)/g, "").split(/,/);
}
function extractUrlVariableNames(url) {
  const matches = url.match(urlVariableRegex);
  if (!matches) {
    return [];
  }
  return matches.map(removeNonChars).reduce((a, b) => a.concat(b), []);
}
function omit(object, keysToOmit) {
  const result = { __proto__: null };
  for (const key of Object.keys(object)) {
    if (keysToOmit.indexOf(key) === -1) {
      result[key] = object[key];
    }
  }
  return result;
}
function encodeReserved(str2) {
  return str2.split(/(%[0-9A-Fa-f]{2})/g).map(function(part) {
    if (!/%[0-9A-Fa-f]/.test(part)) {
      part = encodeURI(part).replace(/%5B/g, "[").replace(/%5D/g, "]");
    }
    return part;
  }).join("");
}
function encodeUnreserved(str2) {
  return encodeURIComponent(str2).replace(/[!'()*]/g, function(c) {
    return "%" + c.charCodeAt(0).toString(16).toUpperCase();
  });
}
function encodeValue(operator, value, key) {
  value = operator === "+" || operator === "#" ? encodeReserved(value) : encodeUnreserved(value);
  if (key) {
    return encodeUnreserved(key) + "=" + value;
  } else {
    return value;
  }
}
function isDefined(value) {
  return value !== void 0 && value !== null;
}
function isKeyOperator(operator) {
  return operator === ";" || operator === "&" || operator === "?";
}
function getValues(context, operator, key, modifier) {
  var value = context[key], result = [];
  if (isDefined(value) && value !== "") {
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") {
      value = value.toString();
      if (modifier && modifier !== "*") {
        value = value.substring(0, parseInt(modifier, 10));
      }
      result.push(
        encodeValue(operator, value, isKeyOperator(operator) ? key : "")
      );
    } else {
      if (modifier === "*") {
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            result.push(
              encodeValue(operator, value2, isKeyOperator(operator) ? key : "")
            );
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              result.push(encodeValue(operator, value[k], k));
            }
          });
        }
      } else {
        const tmp = [];
        if (Array.isArray(value)) {
          value.filter(isDefined).forEach(function(value2) {
            tmp.push(encodeValue(operator, value2));
          });
        } else {
          Object.keys(value).forEach(function(k) {
            if (isDefined(value[k])) {
              tmp.push(encodeUnreserved(k));
              tmp.push(encodeValue(operator, value[k].toString()));
            }
          });
        }
        if (isKeyOperator(operator)) {
          result.push(encodeUnreserved(key) + "=" + tmp.join(","));
        } else if (tmp.length !== 0) {
          result.push(tmp.join(","));
        }
      }
    }
  } else {
    if (operator === ";") {
      if (isDefined(value)) {
        result.push(encodeUnreserved(key));
      }
    } else if (value === "" && (operator === "&" || operator === "?")) {
      result.push(encodeUnreserved(key) + "=");
    } else if (value === "") {
      result.push("");
    }
  }
  return result;
}
function parseUrl(template) {
  return {
    expand: expand.bind(null, template)
  };
}
function expand(template, context) {
  var operators = ["+", "#", ".", "/", ";", "?", "&"];
  template = template.replace(
    /\{([^\{\}]+)\}|([^\{\}]+)/g,
    function(_, expression, literal) {
      if (expression) {
        let operator = "";
        const values = [];
        if (operators.indexOf(expression.charAt(0)) !== -1) {
          operator = expression.charAt(0);
          expression = expression.substr(1);
        }
        expression.split(/,/g).forEach(function(variable) {
          var tmp = /([^:\*]*)(?::(\d+)|(\*))?/.exec(variable);
          values.push(getValues(context, operator, tmp[1], tmp[2] || tmp[3]));
        });
        if (operator && operator !== "+") {
          var separator = ",";
          if (operator === "?") {
            separator = "&";
          } else if (operator !== "#") {
            separator = operator;
          }
          return (values.length !== 0 ? operator : "") + values.join(separator);
        } else {
          return values.join(",");
        }
      } else {
        return encodeReserved(literal);
      }
    }
  );
  if (template === "/") {
    return template;
  } else {
    return template.replace(/\/$/, "");
  }
}
function parse(options) {
  let method = options.method.toUpperCase();
  let url = (options.url || "/").replace(/:([a-z]\w+)/g, "{$1}");
  let headers = Object.assign({}, options.headers);
  let body;
  let parameters = omit(options, [
    "method",
    "baseUrl",
    "url",
    "headers",
    "request",
    "mediaType"
  ]);
  const urlVariableNames = extractUrlVariableNames(url);
  url = parseUrl(url).expand(parameters);
  if (!/^http/.test(url)) {
    url = options.baseUrl + url;
  }
  const omittedParameters = Object.keys(options).filter((option) => urlVariableNames.includes(option)).concat("baseUrl");
  const remainingParameters = omit(parameters, omittedParameters);
  const isBinaryRequest = /application\/octet-stream/i.test(headers.accept);
  if (!isBinaryRequest) {
    if (options.mediaType.format) {
      headers.accept = headers.accept.split(/,/).map(
        (format) => format.replace(
          /application\/vnd(\.\w+)(\.v3)?(\.\w+)?(\+json)?$/,
          `application/vnd$1$2.${options.mediaType.format}`
        )
      ).join(",");
    }
    if (url.endsWith("/graphql")) {
      if (options.mediaType.previews?.length) {
        const previewsFromAcceptHeader = headers.accept.match(/(?<![\w-])[\w-]+(?=-preview)/g) || [];
        headers.accept = previewsFromAcceptHeader.concat(options.mediaType.previews).map((preview) => {
          const format = options.mediaType.format ? `.${options.mediaType.format}` : "+json";
          return `application/vnd.github.${preview}-preview${format}`;
        }).join(",");
      }
    }
  }
  if (["GET", "HEAD"].includes(method)) {
    url = addQueryParameters(url, remainingParameters);
  } else {
    if ("data" in remainingParameters) {
      body = remainingParameters.data;
    } else {
      if (Object.keys(remainingParameters).length) {
        body = remainingParameters;
      }
    }
  }
  if (!headers["content-type"] && typeof body !== "undefined") {
    headers["content-type"] = "application/json; charset=utf-8";
  }
  if (["PATCH", "PUT"].includes(method) && typeof body === "undefined") {
    body = "";
  }
  return Object.assign(
    { method, url, headers },
    typeof body !== "undefined" ? { body } : null,
    options.request ? { request: options.request } : null
  );
}
function endpointWithDefaults(defaults, route, options) {
  return parse(merge(defaults, route, options));
}
function withDefaults(oldDefaults, newDefaults) {
  const DEFAULTS2 = merge(oldDefaults, newDefaults);
  const endpoint2 = endpointWithDefaults.bind(null, DEFAULTS2);
  return Object.assign(endpoint2, {
    DEFAULTS: DEFAULTS2,
    defaults: withDefaults.bind(null, DEFAULTS2),
    merge: merge.bind(null, DEFAULTS2),
    parse
  });
}
var endpoint = withDefaults(null, DEFAULTS);

// ../node_modules/.pnpm/content-type@3.1.1/node_modules/content-type/dist/index.js
var SP = 32;
var HTAB = 9;
var SEMI = 59;
var EQ = 61;
var DQUOTE = 34;
var BSLASH = 92;
var COMMA = 44;
var LOWER_CASE = 1;
var OWS = 2;
var SEMI_FLAG = 4;
var COMMA_FLAG = 8;
var TOKEN_FLAG = 16;
var NON_ASCII = 65280;
var CASE_FLAGS = LOWER_CASE | NON_ASCII;
var CHAR_MAP = new Uint8Array(256);
CHAR_MAP[HTAB] |= OWS;
CHAR_MAP[SP] |= OWS;
CHAR_MAP[SEMI] |= SEMI_FLAG;
CHAR_MAP[COMMA] |= COMMA_FLAG;
for (let code = 128; code <= 255; code++) {
  CHAR_MAP[code] |= LOWER_CASE;
}
for (const char of "!#$%&'*+-.^_`|~") {
  CHAR_MAP[char.charCodeAt(0)] |= TOKEN_FLAG;
}
for (let code = 48; code <= 57; code++) {
  CHAR_MAP[code] |= TOKEN_FLAG;
}
for (let code = 65; code <= 90; code++) {
  CHAR_MAP[code] |= LOWER_CASE | TOKEN_FLAG;
}
for (let code = 97; code <= 122; code++) {
  CHAR_MAP[code] |= TOKEN_FLAG;
}
var NullObject = /* @__PURE__ */ (() => {
  const C = function() {
  };
  C.prototype = /* @__PURE__ */ Object.create(null);
  return C;
})();
function parse2(header, options) {
  const stopFlags = SEMI_FLAG | (options?.comma === true ? COMMA_FLAG : 0);
  const len = header.length;
  let valueStart = options?.start ?? 0;
  while ((CHAR_MAP[header.charCodeAt(valueStart)] & OWS) !== 0) {
    valueStart++;
  }
  let index = valueStart;
  let typeFlags = 0;
  let whitespace = -1;
  let stop = options?.parameters === false ? COMMA_FLAG : 0;
  while (index < len) {
    const code = header.charCodeAt(index);
    const flags = CHAR_MAP[code];
    if ((flags & stopFlags) !== 0) {
      stop |= flags & COMMA_FLAG;
      break;
    }
    if ((flags & OWS) !== 0) {
      if (whitespace === -1)
        whitespace = index;
    } else {
      whitespace = -1;
    }
    typeFlags |= code & NON_ASCII | flags;
    index++;
  }
  const valueEnd = whitespace === -1 ? index : whitespace;
  const value = header.slice(valueStart, valueEnd);
  const type = (typeFlags & CASE_FLAGS) === 0 ? value : value.toLowerCase();
  if (index === len || stop !== 0) {
    return { type, index, parameters: new NullObject() };
  }
  return parseParameters(header, type, index, len, stopFlags);
}
function parseParameters(header, type, index, len, stopFlags) {
  const parameters = new NullObject();
  parameter: while (index < len) {
    index++;
    while ((CHAR_MAP[header.charCodeAt(index)] & OWS) !== 0) {
      index++;
    }
    const keyStart = index;
    let keyFlags = 0;
    let keyWhitespace = -1;
    while (index < len) {
      const code = header.charCodeAt(index);
      const flags = CHAR_MAP[code];
      if ((flags & stopFlags) !== 0) {
        if ((flags & COMMA_FLAG) !== 0)
          break parameter;
        continue parameter;
      }
      if (code === EQ) {
        const keyEnd = keyWhitespace === -1 ? index : keyWhitespace;
        const value = header.slice(keyStart, keyEnd);
        const key = (keyFlags & CASE_FLAGS) === 0 ? value : value.toLowerCase();
        index++;
        while ((CHAR_MAP[header.charCodeAt(index)] & OWS) !== 0) {
          index++;
        }
        if (index < len && header.charCodeAt(index) === DQUOTE) {
          const quotedStart = ++index;
          let escaped = false;
          while (index < len) {
            const code2 = header.charCodeAt(index);
            if (code2 === DQUOTE) {
              if (parameters[key] === void 0) {
                parameters[key] = escaped ? unescapeQuotedPairs(header, quotedStart, index) : header.slice(quotedStart, index);
              }
              index++;
              let stop2 = 0;
              while (index < len) {
                const code3 = header.charCodeAt(index);
                const flags2 = CHAR_MAP[code3];
                if ((flags2 & stopFlags) !== 0) {
                  stop2 = flags2 & COMMA_FLAG;
                  break;
                }
                index++;
              }
              if (stop2 !== 0)
                break parameter;
              continue parameter;
            }
            if (code2 === BSLASH && index + 1 < len) {
              escaped = true;
              index += 2;
              continue;
            }
            index++;
          }
          continue parameter;
        }
        const valueStart = index;
        let stop = 0;
        let valueWhitespace = -1;
        while (index < len) {
          const code2 = header.charCodeAt(index);
          const flags2 = CHAR_MAP[code2];
          if ((flags2 & stopFlags) !== 0) {
            stop = flags2 & COMMA_FLAG;
            break;
          }
          if ((flags2 & OWS) !== 0) {
            if (valueWhitespace === -1)
              valueWhitespace = index;
          } else {
            valueWhitespace = -1;
          }
          index++;
        }
        if (parameters[key] === void 0) {
          const valueEnd = valueWhitespace === -1 ? index : valueWhitespace;
          parameters[key] = header.slice(valueStart, valueEnd);
        }
        if (stop !== 0)
          break parameter;
        continue parameter;
      }
      if ((flags & OWS) !== 0) {
        if (keyWhitespace === -1)
          keyWhitespace = index;
      } else {
        keyWhitespace = -1;
      }
      keyFlags |= code & NON_ASCII | flags;
      index++;
    }
  }
  return { type, index, parameters };
}
function unescapeQuotedPairs(str2, start, end) {
  let result = "";
  for (let index = start; index < end; index++) {
    if (str2.charCodeAt(index) === BSLASH) {
      result += str2.slice(start, index);
      start = ++index;
    }
  }
  return result + str2.slice(start, end);
}

// ../node_modules/.pnpm/json-with-bigint@3.5.12/node_modules/json-with-bigint/json-with-bigint.js
var intRegex = /^-?\d+$/;
var noiseValue = /^-?\d+n+$/;
var originalStringify = JSON.stringify;
var originalParse = JSON.parse;
var customFormat = /^-?\d+n$/;
var bigIntsStringify = /([\[:])?"(-?\d+)n"($|\s*[,\}\]])/g;
var noiseStringify = /([\[:])?("-?\d+n+)n("$|"\s*[,\}\]])/g;
var isUnstringifiable = (val) => val === void 0 || typeof val === "function" || typeof val === "symbol";
var isRawJSON = (val) => val !== null && typeof val === "object" && val.constructor && val.constructor.name === "RawJSON";
var stringifyIteratively = (rootValue, replacer, spaceParam) => {
  let space = "";
  if (typeof spaceParam === "number") {
    space = " ".repeat(Math.min(10, Math.max(0, Math.floor(spaceParam))));
  } else if (typeof spaceParam === "string") {
    space = spaceParam.slice(0, 10);
  }
  const isFunctionReplacer = typeof replacer === "function";
  const propertyList = Array.isArray(replacer) ? new Set(replacer.map(String)) : null;
  const prepareVal = (parent, key, val) => {
    const isObject = val !== null && typeof val === "object";
    const hasToJSON = isObject && typeof val.toJSON === "function";
    if (hasToJSON) {
      val = val.toJSON(key);
    }
    const isNoise = typeof val === "string" && noiseValue.test(val);
    if (isNoise) return val + "n";
    const isBigInt = typeof val === "bigint";
    if (isBigInt) {
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return JSON.rawJSON(val.toString());
      return val.toString() + "n";
    }
    if (isFunctionReplacer) {
      val = replacer.call(parent, key, val);
    }
    const isPostReplacerObject = val !== null && typeof val === "object";
    if (isPostReplacerObject) {
      const isPrimitiveWrapper = val instanceof Number || val instanceof String || val instanceof Boolean;
      if (isPrimitiveWrapper) {
        val = val.valueOf();
      }
    }
    return val;
  };
  const rootProcessed = prepareVal({ "": rootValue }, "", rootValue);
  if (isUnstringifiable(rootProcessed)) {
    return void 0;
  }
  const isRootPrimitive = rootProcessed === null || typeof rootProcessed !== "object";
  const isRootNativeRawJSON = isRawJSON(rootProcessed);
  if (isRootPrimitive || isRootNativeRawJSON) {
    return originalStringify(rootProcessed);
  }
  const chunks = [];
  let level = 0;
  const stack = [
    {
      parent: { "": rootProcessed },
      key: "",
      val: rootProcessed,
      isArray: Array.isArray(rootProcessed),
      keys: Array.isArray(rootProcessed) ? null : Object.keys(rootProcessed),
      index: 0,
      first: true
    }
  ];
  const visited = new WeakSet([rootProcessed]);
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (node.index === 0) {
      chunks.push(node.isArray ? "[" : "{");
      level++;
    }
    let isDone = false;
    if (node.isArray) {
      if (node.index < node.val.length) {
        if (!node.first) chunks.push(",");
        if (space) chunks.push("\n" + space.repeat(level));
        const childRaw = node.val[node.index];
        const childVal = prepareVal(node.val, String(node.index), childRaw);
        if (isUnstringifiable(childVal)) {
          chunks.push("null");
          node.first = false;
          node.index++;
        } else {
          const isComplexObject = childVal !== null && typeof childVal === "object";
          const isNativeRaw = isRawJSON(childVal);
          if (isComplexObject && !isNativeRaw) {
            if (visited.has(childVal)) {
              throw new TypeError("Converting circular structure to JSON");
            }
            visited.add(childVal);
            stack.push({
              parent: node.val,
              key: String(node.index),
              val: childVal,
              isArray: Array.isArray(childVal),
              keys: Array.isArray(childVal) ? null : Object.keys(childVal),
              index: 0,
              first: true
            });
            node.first = false;
            node.index++;
          } else {
            chunks.push(originalStringify(childVal));
            node.first = false;
            node.index++;
          }
        }
      } else {
        isDone = true;
      }
    } else {
      while (node.index < node.keys.length) {
        const k = node.keys[node.index++];
        const isFilteredOutByArray = propertyList && !propertyList.has(k);
        if (isFilteredOutByArray) continue;
        const childRaw = node.val[k];
        const childVal = prepareVal(node.val, k, childRaw);
        if (isUnstringifiable(childVal)) continue;
        if (!node.first) chunks.push(",");
        if (space) {
          chunks.push("\n" + space.repeat(level) + originalStringify(k) + ": ");
        } else {
          chunks.push(originalStringify(k) + ":");
        }
        const isComplexObject = childVal !== null && typeof childVal === "object";
        const isNativeRaw = isRawJSON(childVal);
        if (isComplexObject && !isNativeRaw) {
          if (visited.has(childVal)) {
            throw new TypeError("Converting circular structure to JSON");
          }
          visited.add(childVal);
          stack.push({
            parent: node.val,
            key: k,
            val: childVal,
            isArray: Array.isArray(childVal),
            keys: Array.isArray(childVal) ? null : Object.keys(childVal),
            index: 0,
            first: true
          });
          node.first = false;
          break;
        } else {
          chunks.push(originalStringify(childVal));
          node.first = false;
        }
      }
      const isNodeFullyProcessed = node.index >= node.keys.length && stack[stack.length - 1] === node;
      if (isNodeFullyProcessed) {
        isDone = true;
      }
    }
    if (isDone) {
      level--;
      if (!node.first && space) chunks.push("\n" + space.repeat(level));
      chunks.push(node.isArray ? "]" : "}");
      visited.delete(node.val);
      stack.pop();
    }
  }
  return chunks.join("");
};
var JSONStringify = (value, replacer, space) => {
  try {
    const supportsRawJSON = "rawJSON" in JSON;
    if (supportsRawJSON) {
      return originalStringify(
        value,
        (key, val) => {
          if (typeof val === "bigint") return JSON.rawJSON(val.toString());
          const hasFunctionReplacer = typeof replacer === "function";
          if (hasFunctionReplacer) return replacer(key, val);
          const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
          if (isKeyInArrayReplacer) return val;
          return val;
        },
        space
      );
    }
    if (!value) return originalStringify(value, replacer, space);
    const convertedToCustomJSON = originalStringify(
      value,
      (key, val) => {
        const isNoise = typeof val === "string" && noiseValue.test(val);
        if (isNoise) return val.toString() + "n";
        if (typeof val === "bigint") return val.toString() + "n";
        const hasFunctionReplacer = typeof replacer === "function";
        if (hasFunctionReplacer) return replacer(key, val);
        const isKeyInArrayReplacer = Array.isArray(replacer) && replacer.includes(key);
        if (isKeyInArrayReplacer) return val;
        return val;
      },
      space
    );
    const processedJSON = convertedToCustomJSON.replace(
      bigIntsStringify,
      "$1$2$3"
    );
    const denoisedJSON = processedJSON.replace(noiseStringify, "$1$2$3");
    return denoisedJSON;
  } catch (error) {
    if (error instanceof RangeError) {
      const convertedJSON = stringifyIteratively(value, replacer, space);
      if (convertedJSON === void 0) return void 0;
      const supportsRawJSON = "rawJSON" in JSON;
      if (supportsRawJSON) return convertedJSON;
      const processedJSON = convertedJSON.replace(bigIntsStringify, "$1$2$3");
      return processedJSON.replace(noiseStringify, "$1$2$3");
    }
    throw error;
  }
};
var featureCache = /* @__PURE__ */ new Map();
var isContextSourceSupported = () => {
  const parseFingerprint = JSON.parse.toString();
  if (featureCache.has(parseFingerprint)) {
    return featureCache.get(parseFingerprint);
  }
  try {
    const result = JSON.parse(
      "1",
      (_, __, context) => !!context?.source && context.source === "1"
    );
    featureCache.set(parseFingerprint, result);
    return result;
  } catch {
    featureCache.set(parseFingerprint, false);
    return false;
  }
};
var convertMarkedBigIntsReviver = (key, value, context, userReviver) => {
  const isCustomFormatBigInt = typeof value === "string" && customFormat.test(value);
  if (isCustomFormatBigInt) return BigInt(value.slice(0, -1));
  const isNoiseValue = typeof value === "string" && noiseValue.test(value);
  if (isNoiseValue) return value.slice(0, -1);
  const hasUserReviver = typeof userReviver === "function";
  if (!hasUserReviver) return value;
  return userReviver(key, value, context);
};
var JSONParseV2 = (text, reviver) => {
  return JSON.parse(text, (key, value, context) => {
    const isNumber = typeof value === "number";
    const isOutOfBounds = value > Number.MAX_SAFE_INTEGER || value < Number.MIN_SAFE_INTEGER;
    const isBigNumber = isNumber && isOutOfBounds;
    const isInt = context && intRegex.test(context.source);
    const isBigInt = isBigNumber && isInt;
    if (isBigInt) return BigInt(context.source);
    const hasCustomReviver = typeof reviver === "function";
    if (!hasCustomReviver) return value;
    return reviver(key, value, context);
  });
};
var MAX_INT = Number.MAX_SAFE_INTEGER.toString();
var MAX_DIGITS = MAX_INT.length;
var stringsOrLargeNumbers = /"(?:[^"\\]|\\.)*"|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/g;
var noiseValueWithQuotes = /^"-?\d+n+"$/;
var applyReviverIteratively = (parsed, userReviver) => {
  const rootHolder = { "": parsed };
  const stack = [{ parent: rootHolder, key: "", visited: false }];
  while (stack.length > 0) {
    const node = stack[stack.length - 1];
    if (!node.visited) {
      node.visited = true;
      const value = node.parent[node.key];
      const isComplexObject = value !== null && typeof value === "object";
      if (isComplexObject) {
        const keys = Object.keys(value);
        for (let i = keys.length - 1; i >= 0; i--) {
          stack.push({ parent: value, key: keys[i], visited: false });
        }
      }
    } else {
      const { parent, key } = node;
      let value = parent[key];
      if (typeof value === "string") {
        const isCustomFormatBigInt = customFormat.test(value);
        if (isCustomFormatBigInt) {
          value = BigInt(value.slice(0, -1));
        } else {
          const isNoise = noiseValue.test(value);
          if (isNoise) value = value.slice(0, -1);
        }
      }
      const hasUserReviver = typeof userReviver === "function";
      if (hasUserReviver) {
        value = userReviver.call(parent, key, value);
      }
      const isDeleted = value === void 0;
      if (isDeleted) {
        delete parent[key];
      } else {
        parent[key] = value;
      }
      stack.pop();
    }
  }
  return rootHolder[""];
};
var serializeBigInts = (text) => {
  return text.replace(
    stringsOrLargeNumbers,
    (match, digits, fractional, exponential) => {
      const isString = match[0] === '"';
      const isNoise = isString && noiseValueWithQuotes.test(match);
      if (isNoise) return match.substring(0, match.length - 1) + 'n"';
      const hasFractionalOrExponential = fractional || exponential;
      const isLessThanMaxSafeInt = digits && (digits.length < MAX_DIGITS || digits.length === MAX_DIGITS && digits <= MAX_INT);
      const isStandardValue = isString || hasFractionalOrExponential || isLessThanMaxSafeInt;
      if (isStandardValue) return match;
      return '"' + match + 'n"';
    }
  );
};
var JSONParse = (text, reviver) => {
  if (!text) return originalParse(text, reviver);
  try {
    if (isContextSourceSupported()) return JSONParseV2(text, reviver);
    const serializedData = serializeBigInts(text);
    return originalParse(
      serializedData,
      (key, value, context) => convertMarkedBigIntsReviver(key, value, context, reviver)
    );
  } catch (error) {
    if (error instanceof RangeError) {
      const serializedData = serializeBigInts(text);
      const parsed = originalParse(serializedData);
      return applyReviverIteratively(parsed, reviver);
    }
    throw error;
  }
};

// ../node_modules/.pnpm/@octokit+request-error@7.1.2/node_modules/@octokit/request-error/dist-src/index.js
var RequestError = class extends Error {
  name;
  /**
   * http status code
   */
  status;
  /**
   * Request options that lead to the error.
   */
  request;
  /**
   * Response object if a response was received
   */
  response;
  constructor(message, statusCode, options) {
    super(message, { cause: options.cause });
    this.name = "HttpError";
    this.status = Number.parseInt(statusCode);
    if (Number.isNaN(this.status)) {
      this.status = 0;
    }
    if ("response" in options) {
      this.response = options.response;
    }
    const requestCopy = Object.assign({}, options.request);
    if (options.request.headers.authorization) {
      requestCopy.headers = Object.assign({}, options.request.headers, {
        authorization: options.request.headers.authorization.replace(
          /(?<! ) .*$/,
          " [REDACTED]"
        )
      });
    }
    requestCopy.url = requestCopy.url.replace(/\bclient_secret=\w+/g, "client_secret=[REDACTED]").replace(/\baccess_token=\w+/g, "access_token=[REDACTED]");
    this.request = requestCopy;
  }
};

// ../node_modules/.pnpm/@octokit+request@10.0.16/node_modules/@octokit/request/dist-bundle/index.js
var VERSION2 = "10.0.16";
var defaults_default = {
  headers: {
    "user-agent": `octokit-request.js/${VERSION2} ${getUserAgent()}`
  }
};
function isPlainObject2(value) {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto = Object.getPrototypeOf(value);
  if (proto === null) return true;
  const Ctor = Object.prototype.hasOwnProperty.call(proto, "constructor") && proto.constructor;
  return typeof Ctor === "function" && Ctor instanceof Ctor && Function.prototype.call(Ctor) === Function.prototype.call(value);
}
var noop = () => "";
async function fetchWrapper(requestOptions) {
  const fetch = requestOptions.request?.fetch || globalThis.fetch;
  if (!fetch) {
    throw new Error(
      "fetch is not set. Please pass a fetch implementation as new Octokit({ request: { fetch }}). Learn more at https://github.com/octokit/octokit.js/#fetch-missing"
    );
  }
  const log = requestOptions.request?.log || console;
  const parseSuccessResponseBody = requestOptions.request?.parseSuccessResponseBody !== false;
  const body = isPlainObject2(requestOptions.body) || Array.isArray(requestOptions.body) ? JSONStringify(requestOptions.body) : requestOptions.body;
  const requestHeaders = Object.fromEntries(
    Object.entries(requestOptions.headers).map(([name, value]) => [
      name,
      String(value)
    ])
  );
  let fetchResponse;
  try {
    fetchResponse = await fetch(requestOptions.url, {
      method: requestOptions.method,
      body,
      redirect: requestOptions.request?.redirect,
      headers: requestHeaders,
      signal: requestOptions.request?.signal,
      // duplex must be set if request.body is ReadableStream or Async Iterables.
      // See https://fetch.spec.whatwg.org/#dom-requestinit-duplex.
      ...requestOptions.body && { duplex: "half" }
    });
  } catch (error) {
    let message = "Unknown Error";
    if (error instanceof Error) {
      if (error.name === "AbortError") {
        error.status = 500;
        throw error;
      }
      message = error.message;
      if (error.name === "TypeError" && "cause" in error) {
        if (error.cause instanceof Error) {
          message = error.cause.message;
        } else if (typeof error.cause === "string") {
          message = error.cause;
        }
      }
    }
    const requestError = new RequestError(message, 500, {
      request: requestOptions
    });
    requestError.cause = error;
    throw requestError;
  }
  const status = fetchResponse.status;
  const url = fetchResponse.url;
  const responseHeaders = {};
  for (const [key, value] of fetchResponse.headers) {
    responseHeaders[key] = value;
  }
  const octokitResponse = {
    url,
    status,
    headers: responseHeaders,
    data: ""
  };
  if ("deprecation" in responseHeaders) {
    const matches = responseHeaders.link && responseHeaders.link.match(/<([^<>]+)>; rel="deprecation"/);
    const deprecationLink = matches && matches.pop();
    log.warn(
      `[@octokit/request] "${requestOptions.method} ${requestOptions.url}" is deprecated. It is scheduled to be removed on ${responseHeaders.sunset}${deprecationLink ? `. See ${deprecationLink}` : ""}`
    );
  }
  if (status === 204 || status === 205) {
    return octokitResponse;
  }
  if (requestOptions.method === "HEAD") {
    if (status < 400) {
      return octokitResponse;
    }
    throw new RequestError(fetchResponse.statusText, status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status === 304) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError("Not modified", status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  if (status >= 400) {
    octokitResponse.data = await getResponseData(fetchResponse);
    throw new RequestError(toErrorMessage(octokitResponse.data), status, {
      response: octokitResponse,
      request: requestOptions
    });
  }
  octokitResponse.data = parseSuccessResponseBody ? await getResponseData(fetchResponse) : fetchResponse.body;
  return octokitResponse;
}
async function getResponseData(response) {
  const contentType = response.headers.get("content-type");
  if (!contentType) {
    return response.text().catch(noop);
  }
  const mimetype = parse2(contentType);
  if (isJSONResponse(mimetype)) {
    let text = "";
    try {
      text = await response.text();
      return JSONParse(text);
    } catch (err) {
      return text;
    }
  } else if (mimetype.type.startsWith("text/") || // `application/octet-stream` is the canonical "arbitrary binary" type
  // (RFC 2046) and must never be decoded as text, even when the response
  // carries a (misleading) `charset=utf-8` parameter — see #751.
  mimetype.parameters.charset?.toLowerCase() === "utf-8" && mimetype.type !== "application/octet-stream") {
    return response.text().catch(noop);
  } else {
    return response.arrayBuffer().catch(
      /* v8 ignore next -- @preserve */
      () => new ArrayBuffer(0)
    );
  }
}
function isJSONResponse(mimetype) {
  return mimetype.type === "application/json" || mimetype.type === "application/scim+json";
}
function toErrorMessage(data) {
  if (typeof data === "string") {
    return data;
  }
  if (data instanceof ArrayBuffer) {
    return "Unknown error";
  }
  if (typeof data === "object" && data !== null && "message" in data) {
    const objectData = data;
    const suffix = "documentation_url" in objectData ? ` - ${objectData.documentation_url}` : "";
    return Array.isArray(objectData.errors) ? `${objectData.message}: ${objectData.errors.map((v) => JSON.stringify(v)).join(", ")}${suffix}` : `${objectData.message}${suffix}`;
  }
  return `Unknown error: ${JSON.stringify(data)}`;
}
function withDefaults2(oldEndpoint, newDefaults) {
  const endpoint2 = oldEndpoint.defaults(newDefaults);
  const newApi = function(route, parameters) {
    const endpointOptions = endpoint2.merge(route, parameters);
    if (!endpointOptions.request || !endpointOptions.request.hook) {
      return fetchWrapper(endpoint2.parse(endpointOptions));
    }
    const request2 = (route2, parameters2) => {
      return fetchWrapper(
        endpoint2.parse(endpoint2.merge(route2, parameters2))
      );
    };
    Object.assign(request2, {
      endpoint: endpoint2,
      defaults: withDefaults2.bind(null, endpoint2)
    });
    return endpointOptions.request.hook(request2, endpointOptions);
  };
  return Object.assign(newApi, {
    endpoint: endpoint2,
    defaults: withDefaults2.bind(null, endpoint2)
  });
}
var request = withDefaults2(endpoint, defaults_default);

// ../node_modules/.pnpm/@octokit+graphql@9.0.5/node_modules/@octokit/graphql/dist-bundle/index.js
var VERSION3 = "0.0.0-development";
function _buildMessageForResponseErrors(data) {
  return `Request failed due to following response errors:
` + data.errors.map((e) => ` - ${e.message}`).join("\n");
}
var GraphqlResponseError = class extends Error {
  constructor(request2, headers, response) {
    super(_buildMessageForResponseErrors(response));
    this.request = request2;
    this.headers = headers;
    this.response = response;
    this.errors = response.errors;
    this.data = response.data;
    if (Error.captureStackTrace) {
      Error.captureStackTrace(this, this.constructor);
    }
  }
  request;
  headers;
  response;
  name = "GraphqlResponseError";
  errors;
  data;
};
var NON_VARIABLE_OPTIONS = [
  "method",
  "baseUrl",
  "url",
  "headers",
  "request",
  "query",
  "mediaType",
  "operationName"
];
var FORBIDDEN_VARIABLE_OPTIONS = ["query", "method", "url"];
var GHES_V3_SUFFIX_REGEX = /\/api\/v3\/?$/;
function graphql(request2, query, options) {
  if (options) {
    if (typeof query === "string" && "query" in options) {
      return Promise.reject(
        new Error(`[@octokit/graphql] "query" cannot be used as variable name`)
      );
    }
    for (const key in options) {
      if (!FORBIDDEN_VARIABLE_OPTIONS.includes(key)) continue;
      return Promise.reject(
        new Error(
          `[@octokit/graphql] "${key}" cannot be used as variable name`
        )
      );
    }
  }
  const parsedOptions = typeof query === "string" ? Object.assign({ query }, options) : query;
  const requestOptions = Object.keys(
    parsedOptions
  ).reduce((result, key) => {
    if (NON_VARIABLE_OPTIONS.includes(key)) {
      result[key] = parsedOptions[key];
      return result;
    }
    if (!result.variables) {
      result.variables = {};
    }
    result.variables[key] = parsedOptions[key];
    return result;
  }, {});
  const baseUrl = parsedOptions.baseUrl || request2.endpoint.DEFAULTS.baseUrl;
  if (GHES_V3_SUFFIX_REGEX.test(baseUrl)) {
    requestOptions.url = baseUrl.replace(GHES_V3_SUFFIX_REGEX, "/api/graphql");
  }
  return request2(requestOptions).then((response) => {
    if (response.data.errors) {
      const headers = {};
      for (const key of Object.keys(response.headers)) {
        headers[key] = response.headers[key];
      }
      throw new GraphqlResponseError(
        requestOptions,
        headers,
        response.data
      );
    }
    return response.data.data;
  });
}
function withDefaults3(request2, newDefaults) {
  const newRequest = request2.defaults(newDefaults);
  const newApi = (query, options) => {
    return graphql(newRequest, query, options);
  };
  return Object.assign(newApi, {
    defaults: withDefaults3.bind(null, newRequest),
    endpoint: newRequest.endpoint
  });
}
var graphql2 = withDefaults3(request, {
  headers: {
    "user-agent": `octokit-graphql.js/${VERSION3} ${getUserAgent()}`
  },
  method: "POST",
  url: "/graphql"
});
function withCustomRequest(customRequest) {
  return withDefaults3(customRequest, {
    method: "POST",
    url: "/graphql"
  });
}

// ../node_modules/.pnpm/@octokit+auth-token@6.0.0/node_modules/@octokit/auth-token/dist-bundle/index.js
var b64url = "(?:[a-zA-Z0-9_-]+)";
var sep = "\\.";
var jwtRE = new RegExp(`^${b64url}${sep}${b64url}${sep}${b64url}$`);
var isJWT = jwtRE.test.bind(jwtRE);
async function auth(token) {
  const isApp = isJWT(token);
  const isInstallation = token.startsWith("v1.") || token.startsWith("ghs_");
  const isUserToServer = token.startsWith("ghu_");
  const tokenType = isApp ? "app" : isInstallation ? "installation" : isUserToServer ? "user-to-server" : "oauth";
  return {
    type: "token",
    token,
    tokenType
  };
}
function withAuthorizationPrefix(token) {
  if (token.split(/\./).length === 3) {
    return `bearer ${token}`;
  }
  return `token ${token}`;
}
async function hook(token, request2, route, parameters) {
  const endpoint2 = request2.endpoint.merge(
    route,
    parameters
  );
  endpoint2.headers.authorization = withAuthorizationPrefix(token);
  return request2(endpoint2);
}
var createTokenAuth = function createTokenAuth2(token) {
  if (!token) {
    throw new Error("[@octokit/auth-token] No token passed to createTokenAuth");
  }
  if (typeof token !== "string") {
    throw new Error(
      "[@octokit/auth-token] Token passed to createTokenAuth is not a string"
    );
  }
  token = token.replace(/^(token|bearer) +/i, "");
  return Object.assign(auth.bind(null, token), {
    hook: hook.bind(null, token)
  });
};

// ../node_modules/.pnpm/@octokit+core@7.0.8/node_modules/@octokit/core/dist-src/version.js
var VERSION4 = "7.0.8";

// ../node_modules/.pnpm/@octokit+core@7.0.8/node_modules/@octokit/core/dist-src/index.js
var noop2 = () => {
};
var consoleWarn = console.warn.bind(console);
var consoleError = console.error.bind(console);
function createLogger(logger = {}) {
  if (typeof logger.debug !== "function") {
    logger.debug = noop2;
  }
  if (typeof logger.info !== "function") {
    logger.info = noop2;
  }
  if (typeof logger.warn !== "function") {
    logger.warn = consoleWarn;
  }
  if (typeof logger.error !== "function") {
    logger.error = consoleError;
  }
  return logger;
}
var userAgentTrail = `octokit-core.js/${VERSION4} ${getUserAgent()}`;
var Octokit = class {
  static VERSION = VERSION4;
  static defaults(defaults) {
    const OctokitWithDefaults = class extends this {
      constructor(...args) {
        const options = args[0] || {};
        if (typeof defaults === "function") {
          super(defaults(options));
          return;
        }
        super(
          Object.assign(
            {},
            defaults,
            options,
            options.userAgent && defaults.userAgent ? {
              userAgent: `${options.userAgent} ${defaults.userAgent}`
            } : null
          )
        );
      }
    };
    return OctokitWithDefaults;
  }
  static plugins = [];
  /**
   * Attach a plugin (or many) to your Octokit instance.
   *
   * @example
   * const API = Octokit.plugin(plugin1, plugin2, plugin3, ...)
   */
  static plugin(...newPlugins) {
    const currentPlugins = this.plugins;
    const NewOctokit = class extends this {
      static plugins = currentPlugins.concat(
        newPlugins.filter((plugin) => !currentPlugins.includes(plugin))
      );
    };
    return NewOctokit;
  }
  constructor(options = {}) {
    const hook2 = new before_after_hook_default.Collection();
    const requestDefaults = {
      baseUrl: request.endpoint.DEFAULTS.baseUrl,
      headers: {},
      request: Object.assign({}, options.request, {
        // @ts-ignore internal usage only, no need to type
        hook: hook2.bind(null, "request")
      }),
      mediaType: {
        previews: [],
        format: ""
      }
    };
    requestDefaults.headers["user-agent"] = options.userAgent ? `${options.userAgent} ${userAgentTrail}` : userAgentTrail;
    if (options.baseUrl) {
      requestDefaults.baseUrl = options.baseUrl;
    }
    if (options.previews) {
      requestDefaults.mediaType.previews = options.previews;
    }
    if (options.timeZone) {
      requestDefaults.headers["time-zone"] = options.timeZone;
    }
    this.request = request.defaults(requestDefaults);
    this.graphql = withCustomRequest(this.request).defaults(requestDefaults);
    this.log = createLogger(options.log);
    this.hook = hook2;
    if (!options.authStrategy) {
      if (!options.auth) {
        this.auth = async () => ({
          type: "unauthenticated"
        });
      } else {
        const auth2 = createTokenAuth(options.auth);
        hook2.wrap("request", auth2.hook);
        this.auth = auth2;
      }
    } else {
      const { authStrategy, ...otherOptions } = options;
      const auth2 = authStrategy(
        Object.assign(
          {
            request: this.request,
            log: this.log,
            // we pass the current octokit instance as well as its constructor options
            // to allow for authentication strategies that return a new octokit instance
            // that shares the same internal state as the current one. The original
            // requirement for this was the "event-octokit" authentication strategy
            // of https://github.com/probot/octokit-auth-probot.
            octokit: this,
            octokitOptions: otherOptions
          },
          options.auth
        )
      );
      hook2.wrap("request", auth2.hook);
      this.auth = auth2;
    }
    const classConstructor = this.constructor;
    for (let i = 0; i < classConstructor.plugins.length; ++i) {
      Object.assign(this, classConstructor.plugins[i](this, options));
    }
  }
  // assigned during constructor
  request;
  graphql;
  log;
  hook;
  // TODO: type `octokit.auth` based on passed options.authStrategy
  auth;
};

// ../node_modules/.pnpm/@octokit+plugin-retry@8.1.1_@octokit+core@7.0.8/node_modules/@octokit/plugin-retry/dist-bundle/index.js
var import_light2 = __toESM(require_light(), 1);
var VERSION5 = "0.0.0-development";
function isRequestError(error) {
  return error.request !== void 0;
}
async function errorRequest(state, octokit, error, options) {
  if (!isRequestError(error) || !error?.request.request) {
    throw error;
  }
  if (error.status >= 400 && !state.doNotRetry.includes(error.status)) {
    const retries = options.request.retries != null ? options.request.retries : state.retries;
    const retryAfter = Math.pow((options.request.retryCount || 0) + 1, 2);
    throw octokit.retry.retryRequest(error, retries, retryAfter);
  }
  throw error;
}
async function wrapRequest(state, octokit, request2, options) {
  const limiter = new import_light2.default();
  limiter.on("failed", function(error, info) {
    const maxRetries = ~~error.request.request?.retries;
    const after = ~~error.request.request?.retryAfter;
    options.request.retryCount = info.retryCount + 1;
    if (maxRetries > info.retryCount) {
      return after * state.retryAfterBaseValue;
    }
  });
  return limiter.schedule(
    requestWithGraphqlErrorHandling.bind(null, state, octokit, request2),
    options
  );
}
async function requestWithGraphqlErrorHandling(state, octokit, request2, options) {
  const response = await request2(options);
  if (response.data && response.data.errors && response.data.errors.length > 0 && /Something went wrong while executing your query/.test(
    response.data.errors[0].message
  )) {
    const error = new RequestError(response.data.errors[0].message, 500, {
      request: options,
      response
    });
    return errorRequest(state, octokit, error, options);
  }
  return response;
}
function retry(octokit, octokitOptions) {
  const state = Object.assign(
    {
      enabled: true,
      retryAfterBaseValue: 1e3,
      doNotRetry: [400, 401, 403, 404, 410, 422, 451],
      retries: 3
    },
    octokitOptions.retry
  );
  const retryPlugin = {
    retry: {
      retryRequest: (error, retries, retryAfter) => {
        error.request.request = Object.assign({}, error.request.request, {
          retries,
          retryAfter
        });
        return error;
      }
    }
  };
  if (state.enabled) {
    octokit.hook.error("request", errorRequest.bind(null, state, retryPlugin));
    octokit.hook.wrap("request", wrapRequest.bind(null, state, retryPlugin));
  }
  return retryPlugin;
}
retry.VERSION = VERSION5;

// ../node_modules/.pnpm/@octokit+plugin-throttling@11.0.5_@octokit+core@7.0.8/node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var import_light3 = __toESM(require_light(), 1);
var VERSION6 = "0.0.0-development";
var noop3 = () => Promise.resolve();
function wrapRequest2(state, request2, options) {
  return state.retryLimiter.schedule(doRequest, state, request2, options);
}
async function doRequest(state, request2, options) {
  const { pathname } = new URL(options.url, "http://github.test");
  const isAuth = isAuthRequest(options.method, pathname);
  const isWrite = !isAuth && options.method !== "GET" && options.method !== "HEAD";
  const isSearch = options.method === "GET" && pathname.startsWith("/search/");
  const isGraphQL = pathname.startsWith("/graphql");
  const retryCount = ~~request2.retryCount;
  const jobOptions = retryCount > 0 ? { priority: 0, weight: 0 } : {};
  if (state.clustering) {
    jobOptions.expiration = 1e3 * 60;
  }
  if (isWrite || isGraphQL) {
    await state.write.key(state.id).schedule(jobOptions, noop3);
  }
  if (isWrite && state.triggersNotification(pathname)) {
    await state.notifications.key(state.id).schedule(jobOptions, noop3);
  }
  if (isSearch) {
    await state.search.key(state.id).schedule(jobOptions, noop3);
  }
  const req = (isAuth ? state.auth : state.global).key(state.id).schedule(jobOptions, request2, options);
  if (isGraphQL) {
    const res = await req;
    if (res.data.errors != null && res.data.errors.some((error) => error.type === "RATE_LIMITED")) {
      const error = Object.assign(new Error("GraphQL Rate Limit Exceeded"), {
        response: res,
        data: res.data
      });
      throw error;
    }
  }
  return req;
}
function isAuthRequest(method, pathname) {
  return method === "PATCH" && // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-a-scoped-access-token
  /^\/applications\/[^/]+\/token\/scoped$/.test(pathname) || method === "POST" && // https://docs.github.com/en/rest/apps/oauth-applications?apiVersion=2022-11-28#reset-a-token
  (/^\/applications\/[^/]+\/token$/.test(pathname) || // https://docs.github.com/en/rest/apps/apps?apiVersion=2022-11-28#create-an-installation-access-token-for-an-app
  /^\/app\/installations\/[^/]+\/access_tokens$/.test(pathname) || // https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
  pathname === "/login/oauth/access_token");
}
var triggers_notification_paths_default = [
  "/orgs/{org}/invitations",
  "/orgs/{org}/invitations/{invitation_id}",
  "/orgs/{org}/teams/{team_slug}/discussions",
  "/orgs/{org}/teams/{team_slug}/discussions/{discussion_number}/comments",
  "/repos/{owner}/{repo}/collaborators/{username}",
  "/repos/{owner}/{repo}/commits/{commit_sha}/comments",
  "/repos/{owner}/{repo}/issues",
  "/repos/{owner}/{repo}/issues/{issue_number}/comments",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issue",
  "/repos/{owner}/{repo}/issues/{issue_number}/sub_issues/priority",
  "/repos/{owner}/{repo}/pulls",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments",
  "/repos/{owner}/{repo}/pulls/{pull_number}/comments/{comment_id}/replies",
  "/repos/{owner}/{repo}/pulls/{pull_number}/merge",
  "/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers",
  "/repos/{owner}/{repo}/pulls/{pull_number}/reviews",
  "/repos/{owner}/{repo}/releases",
  "/teams/{team_id}/discussions",
  "/teams/{team_id}/discussions/{discussion_number}/comments"
];
function routeMatcher(paths) {
  const regexes = paths.map(
    (path) => path.split("/").map((c) => c.startsWith("{") ? "(?:.+?)" : c).join("/")
  );
  const regex2 = `^(?:${regexes.map((r) => `(?:${r})`).join("|")})[^/]*$`;
  return new RegExp(regex2, "i");
}
var regex = routeMatcher(triggers_notification_paths_default);
var triggersNotification = regex.test.bind(regex);
var groups = {};
var createGroups = function(Bottleneck3, common) {
  groups.global = new Bottleneck3.Group({
    id: "octokit-global",
    maxConcurrent: 10,
    ...common
  });
  groups.auth = new Bottleneck3.Group({
    id: "octokit-auth",
    maxConcurrent: 1,
    ...common
  });
  groups.search = new Bottleneck3.Group({
    id: "octokit-search",
    maxConcurrent: 1,
    minTime: 2e3,
    ...common
  });
  groups.write = new Bottleneck3.Group({
    id: "octokit-write",
    maxConcurrent: 1,
    minTime: 1e3,
    ...common
  });
  groups.notifications = new Bottleneck3.Group({
    id: "octokit-notifications",
    maxConcurrent: 1,
    minTime: 3e3,
    ...common
  });
};
function throttling(octokit, octokitOptions) {
  const {
    enabled = true,
    Bottleneck: Bottleneck3 = import_light3.default,
    id = "no-id",
    timeout = 1e3 * 60 * 2,
    // Redis TTL: 2 minutes
    connection
  } = octokitOptions.throttle || {};
  if (!enabled) {
    return {};
  }
  const common = { timeout };
  if (typeof connection !== "undefined") {
    common.connection = connection;
  }
  const state = Object.assign(
    {
      clustering: connection != null,
      triggersNotification,
      fallbackSecondaryRateRetryAfter: 60,
      retryAfterBaseValue: 1e3,
      id
    },
    octokitOptions.throttle
  );
  if (typeof state.onSecondaryRateLimit !== "function" || typeof state.onRateLimit !== "function") {
    throw new Error(`octokit/plugin-throttling error:
        You must pass the onSecondaryRateLimit and onRateLimit error handlers.
        See https://octokit.github.io/rest.js/#throttling

        const octokit = new Octokit({
          throttle: {
            onSecondaryRateLimit: (retryAfter, options) => {/* ... */},
            onRateLimit: (retryAfter, options) => {/* ... */}
          }
        })
    `);
  }
  let initialized = false;
  const initializeBottleneck = () => {
    if (initialized) {
      return;
    }
    initialized = true;
    if (groups.global == null) {
      createGroups(Bottleneck3, common);
    }
    state.global = state.global ?? groups.global;
    state.auth = state.auth ?? groups.auth;
    state.search = state.search ?? groups.search;
    state.write = state.write ?? groups.write;
    state.notifications = state.notifications ?? groups.notifications;
    state.retryLimiter = state.retryLimiter ?? new Bottleneck3();
    const events = {};
    const emitter = new Bottleneck3.Events(events);
    events.on("secondary-limit", state.onSecondaryRateLimit);
    events.on("rate-limit", state.onRateLimit);
    events.on(
      "error",
      (e) => octokit.log.warn("Error in throttling-plugin limit handler", e)
    );
    state.retryLimiter.on("failed", async function(error, info) {
      const [state2, request2, options] = info.args;
      const { pathname } = new URL(options.url, "http://github.test");
      const shouldRetryGraphQL = pathname.startsWith("/graphql") && error.status !== 401;
      if (!(shouldRetryGraphQL || error.status === 403 || error.status === 429)) {
        return;
      }
      const retryCount = ~~request2.retryCount;
      request2.retryCount = retryCount;
      options.request.retryCount = retryCount;
      const { wantRetry, retryAfter = 0 } = await (async function() {
        if (/\bsecondary rate\b/i.test(error.message)) {
          const retryAfter2 = Number(error.response.headers["retry-after"]) || state2.fallbackSecondaryRateRetryAfter;
          const wantRetry2 = await emitter.trigger(
            "secondary-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        if (error.response.headers != null && error.response.headers["x-ratelimit-remaining"] === "0" || (error.response.data?.errors ?? []).some(
          (error2) => error2.type === "RATE_LIMITED"
        )) {
          const rateLimitReset = new Date(
            ~~error.response.headers["x-ratelimit-reset"] * 1e3
          ).getTime();
          const retryAfter2 = Math.max(
            // Add one second so we retry _after_ the reset time
            // https://docs.github.com/en/rest/overview/resources-in-the-rest-api?apiVersion=2022-11-28#exceeding-the-rate-limit
            Math.ceil((rateLimitReset - Date.now()) / 1e3) + 1,
            0
          );
          const wantRetry2 = await emitter.trigger(
            "rate-limit",
            retryAfter2,
            options,
            octokit,
            retryCount
          );
          return { wantRetry: wantRetry2, retryAfter: retryAfter2 };
        }
        return {};
      })();
      if (wantRetry) {
        request2.retryCount++;
        return retryAfter * state2.retryAfterBaseValue;
      }
    });
  };
  octokit.hook.wrap("request", (request2, options) => {
    initializeBottleneck();
    return wrapRequest2(state, request2, options);
  });
  return {};
}
throttling.VERSION = VERSION6;
throttling.triggersNotification = triggersNotification;

// ../packages/github/src/transport.ts
var ALL_4XX = Array.from({ length: 100 }, (_, i) => 400 + i);
var CodexrelOctokit = Octokit.plugin(retry, throttling);
var GitHubTransport = class {
  octokit;
  graphqlUrl;
  tokenKind;
  capturedScopes = null;
  constructor(options) {
    const { redact, log } = options;
    const baseFetch = options.fetch;
    this.graphqlUrl = options.graphqlUrl;
    this.tokenKind = options.tokenKind;
    this.octokit = new CodexrelOctokit({
      auth: options.token,
      baseUrl: options.apiUrl,
      userAgent: options.userAgent,
      log: {
        debug: (m) => log.debug?.(redact(m)),
        info: (m) => log.debug?.(redact(m)),
        warn: (m) => log.warn?.(redact(m)),
        error: (m) => log.warn?.(redact(m))
      },
      request: {
        fetch: (url, init) => baseFetch(url, { ...init, signal: init.signal ?? AbortSignal.timeout(options.timeoutMs) })
      },
      retry: {
        doNotRetry: ALL_4XX,
        retries: options.retries,
        retryAfterBaseValue: options.retryBaseDelayMs
      },
      throttle: throttleOptions(options.rateLimit, options.throttleGroups, log, redact)
    });
    this.octokit.hook.after("request", (response) => this.captureScopes(response.headers));
    this.octokit.hook.error("request", (error) => {
      const headers = error.response?.headers;
      if (headers) this.captureScopes(headers);
      throw error;
    });
  }
  /** Classic/OAuth token scopes from the last `x-oauth-scopes`; null until GitHub said. */
  get scopes() {
    return this.capturedScopes;
  }
  captureScopes(headers) {
    const raw = headers["x-oauth-scopes"];
    if (typeof raw === "string" && usesScopes(this.tokenKind)) {
      this.capturedScopes = raw.split(",").map((s) => s.trim()).filter(Boolean);
    }
  }
  /** A GraphQL query (retried on 5xx/network by the retry plugin). Errors are coded. */
  async graphql(what, query, variables = {}) {
    try {
      return await this.octokit.graphql({ query, url: this.graphqlUrl, ...variables });
    } catch (error) {
      const coded = toGitHubError(error, what, this.tokenKind);
      const d = githubDetails(coded);
      if (coded.code === "GITHUB_NOT_FOUND" && d && d.graphqlType === void 0) {
        throw new CodexrelError("GITHUB_NOT_FOUND", `${what}: the GraphQL endpoint ${this.graphqlUrl} answered 404`, {
          hint: "Check GITHUB_GRAPHQL_URL (GitHub Enterprise Server: https://HOST/api/graphql).",
          details: { ...d },
          cause: error
        });
      }
      throw coded;
    }
  }
  /** A REST read (retried on 5xx/network). */
  async restRead(what, route, params = {}) {
    try {
      return (await this.octokit.request(route, params)).data;
    } catch (error) {
      throw toGitHubError(error, what, this.tokenKind);
    }
  }
  /** One REST write attempt, with the retry plugin off (callers decide after re-reading). */
  async restWriteOnce(what, route, params) {
    try {
      return (await this.octokit.request(route, { ...params, request: { retries: 0 } })).data;
    } catch (error) {
      throw toGitHubError(error, what, this.tokenKind);
    }
  }
};

// ../packages/github/src/client.ts
var GitHubClient = class {
  apiUrl;
  graphqlUrl;
  tokenKind;
  /** Redacts the token (and token-shaped strings) from any text. */
  redact;
  transport;
  lostWrite;
  log;
  identity;
  constructor(options) {
    if (!options.token?.trim()) {
      throw new CodexrelError("GITHUB_TOKEN_MISSING", "no GitHub token was given", {
        hint: TOKEN_MISSING_HINT
      });
    }
    const endpoints = resolveEndpoints({ apiUrl: options.apiUrl, graphqlUrl: options.graphqlUrl });
    this.apiUrl = endpoints.apiUrl;
    this.graphqlUrl = endpoints.graphqlUrl;
    this.tokenKind = tokenKind(options.token);
    this.redact = createRedactor([options.token]);
    this.log = options.log ?? {};
    const retries = options.retries ?? 3;
    const retryBaseDelayMs = options.retryBaseDelayMs ?? 1e3;
    this.lostWrite = {
      retries,
      retryBaseDelayMs,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      warn: (message) => this.log.warn?.(message)
    };
    this.transport = new GitHubTransport({
      token: options.token,
      tokenKind: this.tokenKind,
      apiUrl: this.apiUrl,
      graphqlUrl: this.graphqlUrl,
      redact: this.redact,
      log: this.log,
      fetch: options.fetch ?? globalThis.fetch,
      userAgent: options.userAgent ?? "codexrel",
      timeoutMs: options.timeoutMs ?? 3e4,
      retries,
      retryBaseDelayMs,
      rateLimit: options.rateLimit ?? {},
      throttleGroups: injectedThrottleGroups(options)
    });
  }
  /** A GraphQL query (retried on 5xx/network by the retry plugin). Errors are coded. */
  graphql(what, query, variables = {}) {
    return this.transport.graphql(what, query, variables);
  }
  /** A REST read (retried on 5xx/network). */
  restRead(what, route, params = {}) {
    return this.transport.restRead(what, route, params);
  }
  /**
   * One REST write (POST/PATCH/PUT/DELETE) that is never blindly retried: after a lost response
   * `reread` decides whether it landed (return the result) or not (undefined: try again). Used by
   * the issue functions in issues.ts; prefer the typed methods where one exists.
   */
  restWrite(what, route, params, reread) {
    return writeSafely(what, () => this.transport.restWriteOnce(what, route, params), reread, this.lostWrite);
  }
  /** Who the token acts as (cached). GraphQL `viewer` works for user and installation tokens. */
  viewer() {
    if (!this.identity) {
      this.identity = this.graphql("identify the token", VIEWER_QUERY).then(
        (data) => this.identityOf(data.viewer),
        (error) => {
          this.identity = void 0;
          throw error;
        }
      );
    }
    return this.identity;
  }
  identityOf(viewer) {
    return { login: viewer.login, id: viewer.id, tokenKind: this.tokenKind, scopes: this.transport.scopes };
  }
  /** The thread with the viewer's permission signals. */
  async thread(ref) {
    let data;
    try {
      data = await this.graphql(`read ${formatThreadRef(ref)}`, THREAD_QUERY, threadVariables(ref));
    } catch (error) {
      throw notFoundAs(error, ref);
    }
    const repo = data.repository;
    const node = repo?.issueOrPullRequest;
    if (!repo || !node) throw notFoundAs(void 0, ref, repo ? "thread" : "repository");
    return toThreadContext(ref, repo, node);
  }
  /** All comments of a thread, oldest first, read newest-first in pages of 100 (up to `max`). */
  async listComments(ref, options = {}) {
    const max = options.max ?? 3e3;
    const pages = [];
    let count = 0;
    let before = null;
    for (; ; ) {
      const data = await this.graphql(
        `list comments of ${formatThreadRef(ref)}`,
        COMMENTS_PAGE_QUERY,
        { ...threadVariables(ref), before }
      ).catch((error) => {
        throw notFoundAs(error, ref);
      });
      const conn = data.repository?.issueOrPullRequest?.comments;
      if (!conn) throw notFoundAs(void 0, ref, data.repository ? "thread" : "repository");
      pages.unshift(conn.nodes.map(fromGraphQLComment));
      count += conn.nodes.length;
      if (!conn.pageInfo.hasPreviousPage) return { comments: pages.flat(), complete: true };
      if (count >= max) {
        this.log.warn?.(`${formatThreadRef(ref)} has more than ${max} comments; older ones were not read`);
        return { comments: pages.flat(), complete: false };
      }
      before = conn.pageInfo.startCursor;
    }
  }
  /**
   * The viewer and the newest `last` (≤ 100) comments of a thread in ONE GraphQL request: what a
   * marker upsert needs when the marked comment is recent (the common case), so finding it costs
   * one request however long the thread is. `complete` is false when older comments exist.
   * The identity is cached like `viewer()`'s.
   */
  async newestCommentsWithViewer(ref, last = 100) {
    const n = Math.min(100, Math.max(1, Math.floor(last)));
    const data = await this.graphql(
      `read the newest comments of ${formatThreadRef(ref)}`,
      newestCommentsQuery(n),
      threadVariables(ref)
    ).catch((error) => {
      throw notFoundAs(error, ref);
    });
    const conn = data.repository?.issueOrPullRequest?.comments;
    if (!conn) throw notFoundAs(void 0, ref, data.repository ? "thread" : "repository");
    const identity = this.identityOf(data.viewer);
    this.identity ??= Promise.resolve(identity);
    return { identity, comments: conn.nodes.map(fromGraphQLComment), complete: !conn.pageInfo.hasPreviousPage };
  }
  /** The database id of the newest comment (0 when none): the watermark for lost-create checks. */
  async newestCommentId(ref) {
    const { comments } = await this.recentComments(ref, 1);
    return comments.at(-1)?.id ?? 0;
  }
  async recentComments(ref, last) {
    const data = await this.graphql(
      `read recent comments of ${formatThreadRef(ref)}`,
      recentCommentsQuery(last),
      threadVariables(ref)
    ).catch((error) => {
      throw notFoundAs(error, ref);
    });
    const nodes = data.repository?.issueOrPullRequest?.comments.nodes;
    if (!nodes) throw notFoundAs(void 0, ref, data.repository ? "thread" : "repository");
    return { comments: nodes.map(fromGraphQLComment) };
  }
  /**
   * Creates a comment (its body redacted first: the token and token-shaped strings never reach a
   * comment). If the response is lost, the newest comments are re-read: a comment by
   * this identity with the same body and an id above `afterId` (the newest id before the write)
   * is the one that landed, and is returned instead of writing again.
   */
  async createComment(ref, text, options = {}) {
    const body = this.redact(text);
    assertCommentLength(body);
    const afterId = options.afterId ?? await this.newestCommentId(ref);
    const what = `comment on ${formatThreadRef(ref)}`;
    return writeSafely(
      what,
      async () => fromRestComment(
        await this.transport.restWriteOnce(
          what,
          "POST /repos/{owner}/{repo}/issues/{issue_number}/comments",
          { owner: ref.owner, repo: ref.repo, issue_number: ref.number, body }
        )
      ),
      async () => {
        const { comments } = await this.recentComments(ref, 100);
        const identity = await this.viewer();
        return comments.find((c) => c.id > afterId && isOwnComment(c, identity) && sameBody(c.body, body));
      },
      this.lostWrite
    );
  }
  /** Replaces a comment's body (idempotent; after a lost response the body is re-read first). */
  async updateComment(ref, commentId, text) {
    const body = this.redact(text);
    assertCommentLength(body);
    const what = `update comment ${commentId} on ${formatThreadRef(ref)}`;
    return writeSafely(
      what,
      async () => fromRestComment(
        await this.transport.restWriteOnce(
          what,
          "PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}",
          { owner: ref.owner, repo: ref.repo, comment_id: commentId, body }
        )
      ),
      async () => {
        const current = await this.getComment(ref, commentId);
        return current && sameBody(current.body, body) ? current : void 0;
      },
      this.lostWrite
    );
  }
  /** Deletes a comment; one already gone counts as deleted. */
  async deleteComment(ref, commentId) {
    const what = `delete comment ${commentId} on ${formatThreadRef(ref)}`;
    await writeSafely(
      what,
      async () => {
        try {
          await this.transport.restWriteOnce(what, "DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}", {
            owner: ref.owner,
            repo: ref.repo,
            comment_id: commentId
          });
        } catch (error) {
          if (!isGitHubError(error, "GITHUB_NOT_FOUND")) throw error;
        }
        return true;
      },
      async () => await this.getComment(ref, commentId) === void 0 ? true : void 0,
      this.lostWrite
    );
  }
  /** One comment by id (REST), or undefined when it does not exist. */
  async getComment(ref, commentId) {
    try {
      const c = await this.restRead(
        `read comment ${commentId}`,
        "GET /repos/{owner}/{repo}/issues/comments/{comment_id}",
        { owner: ref.owner, repo: ref.repo, comment_id: commentId }
      );
      return fromRestComment(c);
    } catch (error) {
      if (isGitHubError(error, "GITHUB_NOT_FOUND")) return void 0;
      throw error;
    }
  }
  /**
   * Adds a reaction to the thread or to one of its comments. GitHub answers an existing reaction
   * with 200 instead of creating another, so a retry after a lost response cannot duplicate it.
   */
  async react(ref, content, target = "thread") {
    const what = `react ${content} on ${formatThreadRef(ref)}`;
    const attempt = () => target === "thread" ? this.transport.restWriteOnce(what, "POST /repos/{owner}/{repo}/issues/{issue_number}/reactions", {
      owner: ref.owner,
      repo: ref.repo,
      issue_number: ref.number,
      content
    }) : this.transport.restWriteOnce(what, "POST /repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", {
      owner: ref.owner,
      repo: ref.repo,
      comment_id: target.commentId,
      content
    });
    await writeSafely(what, attempt, async () => void 0, this.lostWrite);
  }
  /** REST permission of a user on the thread's repository (legacy base role). */
  async collaboratorPermission(ref, login) {
    const data = await this.restRead(
      `read ${login}'s permission on ${ref.owner}/${ref.repo}`,
      "GET /repos/{owner}/{repo}/collaborators/{username}/permission",
      { owner: ref.owner, repo: ref.repo, username: login }
    );
    const p = data.permission;
    return p === "admin" || p === "write" || p === "read" ? p : "none";
  }
  /**
   * Everything GitHub will say, without writing, about whether this token may comment: identity
   * and scopes, repository archived/visibility/viewerPermission, thread lock and the viewer's
   * update rights, and for user tokens without a GraphQL permission the REST collaborator role.
   */
  async permissionSignals(ref) {
    const identity = await this.viewer();
    const thread = await this.thread(ref);
    let collaboratorPermission = null;
    if (thread.repository.viewerPermission === null && this.tokenKind !== "installation") {
      collaboratorPermission = await this.collaboratorPermission(ref, identity.login).catch(() => null);
    }
    return {
      identity: { ...identity, scopes: this.transport.scopes ?? identity.scopes },
      thread,
      collaboratorPermission
    };
  }
};
function createGitHubClient(options) {
  return new GitHubClient(options);
}

// ../packages/github/src/token-input.ts
function tokenFromInput(token, inputName = "github-token") {
  const value = token.trim();
  if (value === "") {
    return {
      found: false,
      attempts: [{ source: "GITHUB_TOKEN", outcome: "empty", note: `the ${inputName} input is empty` }]
    };
  }
  return {
    found: true,
    token: value,
    source: "GITHUB_TOKEN",
    kind: tokenKind(value),
    attempts: [{ source: "GITHUB_TOKEN", outcome: "found" }]
  };
}

// ../packages/github/src/comments.ts
function withMarker(body, marker) {
  if (hasMarker(body, marker.kind, marker.id)) return body;
  return `${buildMarker(marker.kind, marker.id)}
${body}`;
}
function ownMarkedComments(comments, marker, identity) {
  return comments.filter((c) => !c.minimized && isOwnComment(c, identity) && hasMarker(c.body, marker.kind, marker.id)).sort((a, b) => a.id - b.id);
}
async function upsertMarkedComment(port, ref, options) {
  return modifyMarkedComment(port, ref, { marker: options.marker, render: () => options.body });
}
async function modifyMarkedComment(port, ref, options) {
  const key = `${ref.owner}/${ref.repo}#${ref.number}`.toLowerCase() + `:${options.marker.kind}:${options.marker.id ?? ""}`;
  return serialized(port.lockScope, key, async () => {
    const identity = await port.viewer();
    const { comments } = await port.listComments(ref);
    const mine = ownMarkedComments(comments, options.marker, identity);
    const marked = withMarker(options.render(mine[0] ?? null), options.marker);
    const body = port.redact ? port.redact(marked) : marked;
    if (mine.length === 0) {
      const afterId = comments.reduce((max, c) => Math.max(max, c.id), 0);
      const created = await port.createComment(ref, body, { afterId });
      const now = ownMarkedComments((await port.listComments(ref)).comments, options.marker, identity);
      if (now.length <= 1) return { action: "created", comment: created, removedDuplicates: [], body };
      const result = await fold(port, ref, now, body);
      return { ...result, action: result.comment.id === created.id ? "created" : result.action, body };
    }
    return { ...await fold(port, ref, mine, body), body };
  });
}
var lockScopes = /* @__PURE__ */ new WeakMap();
async function serialized(scope, key, work) {
  if (!scope) return work();
  let locks = lockScopes.get(scope);
  if (!locks) {
    locks = /* @__PURE__ */ new Map();
    lockScopes.set(scope, locks);
  }
  const before = locks.get(key) ?? Promise.resolve();
  const run = before.then(work, work);
  const tail = run.catch(() => void 0);
  locks.set(key, tail);
  try {
    return await run;
  } finally {
    if (locks.get(key) === tail) locks.delete(key);
  }
}
function newestFirstCommentPort(client, thread, marker) {
  let first = null;
  return {
    async viewer() {
      first = await client.newestCommentsWithViewer(thread);
      return first.identity;
    },
    async listComments(ref) {
      if (first) {
        const page = first;
        first = null;
        if (page.complete || ownMarkedComments(page.comments, marker, page.identity).length > 0) {
          return { comments: page.comments, complete: page.complete };
        }
        return client.listComments(ref);
      }
      const again = await client.newestCommentsWithViewer(ref);
      return { comments: again.comments, complete: again.complete };
    },
    createComment: (ref, body, options) => client.createComment(ref, body, options),
    updateComment: (ref, id, body) => client.updateComment(ref, id, body),
    deleteComment: (ref, id) => client.deleteComment(ref, id),
    redact: (text) => client.redact(text),
    lockScope: client
  };
}
async function readMarkedComment(client, ref, marker) {
  const port = newestFirstCommentPort(client, ref, marker);
  const identity = await port.viewer();
  const { comments } = await port.listComments(ref);
  return ownMarkedComments(comments, marker, identity)[0] ?? null;
}
async function fold(port, ref, mine, body) {
  const [keep, ...duplicates] = mine;
  for (const d of duplicates) await port.deleteComment(ref, d.id);
  const removedDuplicates = duplicates.map((d) => d.id);
  if (normalize2(keep.body) === normalize2(body)) return { action: "unchanged", comment: keep, removedDuplicates };
  const updated = await port.updateComment(ref, keep.id, body);
  return { action: "updated", comment: updated, removedDuplicates };
}
function normalize2(s) {
  return s.replace(/\r\n/g, "\n").trim();
}

// ../packages/github/src/issues.ts
var REPO_RE = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
function parseRepoRef(value) {
  const m = REPO_RE.exec(value.trim());
  if (!m || m[2] === "." || m[2] === "..") {
    throw new CodexrelError(GitHubErrorCodes.REPOSITORY_INVALID, `${JSON.stringify(value)} is not owner/name`, {
      hint: "Name the repository as owner/name, e.g. octo-org/widgets."
    });
  }
  return { owner: m[1], repo: m[2].replace(/\.git$/, "") };
}
function formatRepoRef(ref) {
  return `${ref.owner}/${ref.repo}`;
}
function notFoundRepo(error, repo) {
  const d = githubDetails(error);
  if (error !== void 0 && (!isGitHubError(error, "GITHUB_NOT_FOUND") || d?.graphqlType !== "NOT_FOUND"))
    return error;
  return new CodexrelError(
    GitHubErrorCodes.REPOSITORY_NOT_FOUND,
    `repository ${formatRepoRef(repo)} not found or not visible`,
    {
      hint: "Check the repository name, and that the token can read it (private repositories need `contents: read`).",
      details: { status: d?.status ?? 200, githubMessage: d?.githubMessage ?? "" },
      ...error === void 0 ? {} : { cause: error }
    }
  );
}
async function listIssues(gh, repo, options = {}) {
  const max = options.max ?? 1e3;
  const states = options.state === "open" ? "[OPEN]" : options.state === "closed" ? "[CLOSED]" : "[OPEN, CLOSED]";
  const query = `query CodexrelIssues($owner: String!, $name: String!, $after: String, $labels: [String!]) {
    repository(owner: $owner, name: $name) {
      issues(first: 100, after: $after, orderBy: { field: CREATED_AT, direction: DESC }, states: ${states}, labels: $labels) {
        pageInfo { hasNextPage endCursor }
        nodes { id databaseId number url title body state createdAt viewerDidAuthor author { login } }
      }
    }
  }`;
  const issues = [];
  let after = null;
  for (; ; ) {
    const data = await gh.graphql(`list issues of ${formatRepoRef(repo)}`, query, {
      owner: repo.owner,
      name: repo.repo,
      after,
      labels: options.labels && options.labels.length > 0 ? [...options.labels] : null
    }).catch((error) => {
      throw notFoundRepo(error, repo);
    });
    const conn = data.repository?.issues;
    if (!conn) throw notFoundRepo(void 0, repo);
    for (const n of conn.nodes) {
      if (issues.length >= max) return { issues, complete: false };
      issues.push(fromGraphQLIssue(n));
    }
    if (!conn.pageInfo.hasNextPage) return { issues, complete: true };
    if (issues.length >= max) return { issues, complete: false };
    after = conn.pageInfo.endCursor;
  }
}
async function findMarkedIssues(gh, repo, kind, options = {}) {
  const identity = await gh.viewer();
  const { issues, complete } = await listIssues(gh, repo, options);
  const byId = /* @__PURE__ */ new Map();
  for (const issue of [...issues].reverse()) {
    if (!isOwnIssue(issue, identity)) continue;
    for (const m of parseMarkers(issue.body)) {
      if (m.kind === kind && m.id !== void 0 && !byId.has(m.id)) byId.set(m.id, issue);
    }
  }
  return { byId, complete, scanned: issues.length };
}
function isOwnIssue(issue, identity) {
  return issue.viewerDidAuthor || sameLogin(issue.author, identity.login);
}
var ISSUE_TITLE_MAX_CHARS = 256;
async function createIssue(gh, repo, input, options = {}) {
  const body = gh.redact(input.body);
  const title = gh.redact(input.title).replace(/\s+/g, " ").trim();
  if (body.length > COMMENT_MAX_CHARS) {
    throw new CodexrelError(
      GitHubErrorCodes.ISSUE_TOO_LONG,
      `issue body is ${body.length} characters; GitHub takes ${COMMENT_MAX_CHARS}`,
      {
        hint: "Shorten the body (cut evidence) or link to the full text instead."
      }
    );
  }
  if (title === "" || [...title].length > ISSUE_TITLE_MAX_CHARS) {
    throw new CodexrelError(
      GitHubErrorCodes.ISSUE_TITLE_INVALID,
      `issue title must be 1-${ISSUE_TITLE_MAX_CHARS} characters`,
      {
        hint: "Shorten the title."
      }
    );
  }
  const what = `open an issue in ${formatRepoRef(repo)}`;
  const reread = options.reread ?? (async () => {
    const identity = await gh.viewer();
    const { issues } = await listIssues(gh, repo, { max: 100 });
    return issues.find((i) => isOwnIssue(i, identity) && i.title === title && sameText(i.body, body));
  });
  const created = await gh.restWrite(
    what,
    "POST /repos/{owner}/{repo}/issues",
    { owner: repo.owner, repo: repo.repo, title, body, ...input.labels?.length ? { labels: [...input.labels] } : {} },
    reread
  );
  return "html_url" in created ? fromRestIssue(created) : created;
}
async function listReleases(gh, repo, options = {}) {
  const max = options.max ?? 300;
  const query = `query CodexrelReleases($owner: String!, $name: String!, $after: String) {
    repository(owner: $owner, name: $name) {
      releases(first: 100, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {
        pageInfo { hasNextPage endCursor }
        nodes { tagName name isDraft isPrerelease publishedAt createdAt url }
      }
    }
  }`;
  const releases = [];
  let after = null;
  for (; ; ) {
    const data = await gh.graphql(`list releases of ${formatRepoRef(repo)}`, query, { owner: repo.owner, name: repo.repo, after }).catch((error) => {
      throw notFoundRepo(error, repo);
    });
    const conn = data.repository?.releases;
    if (!conn) throw notFoundRepo(void 0, repo);
    for (const n of conn.nodes) {
      if (releases.length >= max) return { releases, complete: false };
      releases.push({
        tagName: n.tagName,
        name: n.name,
        draft: n.isDraft,
        prerelease: n.isPrerelease,
        publishedAt: n.publishedAt,
        createdAt: n.createdAt,
        url: n.url
      });
    }
    if (!conn.pageInfo.hasNextPage) return { releases, complete: true };
    if (releases.length >= max) return { releases, complete: false };
    after = conn.pageInfo.endCursor;
  }
}
function sameText(a, b) {
  const norm = (s) => s.replace(/\r\n/g, "\n").trim();
  return norm(a) === norm(b);
}
function fromGraphQLIssue(n) {
  return {
    id: n.databaseId ?? 0,
    nodeId: n.id,
    number: n.number,
    url: n.url,
    title: n.title,
    body: n.body,
    state: n.state === "OPEN" ? "open" : "closed",
    author: n.author?.login ?? null,
    createdAt: n.createdAt,
    viewerDidAuthor: n.viewerDidAuthor
  };
}
function fromRestIssue(i) {
  return {
    id: i.id,
    nodeId: i.node_id,
    number: i.number,
    url: i.html_url,
    title: i.title,
    body: i.body ?? "",
    state: i.state === "closed" ? "closed" : "open",
    author: i.user?.login ?? null,
    createdAt: i.created_at,
    // Only this client's own writes come back through REST.
    viewerDidAuthor: true
  };
}

export {
  sameAuthor,
  resolveEndpoints,
  isGitHubError,
  githubDetails,
  permissionHint,
  parseThreadRef,
  threadRef,
  formatThreadRef,
  threadFromEvent,
  TOKEN_MISSING_HINT,
  createGitHubClient,
  upsertMarkedComment,
  modifyMarkedComment,
  newestFirstCommentPort,
  readMarkedComment,
  parseRepoRef,
  listIssues,
  findMarkedIssues,
  isOwnIssue,
  createIssue,
  listReleases,
  tokenFromInput
};
