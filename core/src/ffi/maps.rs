//! Ordered maps cross the FFI as uniffi maps (`Map<K, V>` in Kotlin, `[K: V]` in Swift), in key
//! order. uniffi knows `HashMap` only; the domain keeps `BTreeMap` for a stable order, so this
//! one impl serves every `BTreeMap` field of every record.
// uniffi's converter traits are `unsafe` to implement (a wrong impl could corrupt the wire
// format); this one only composes the key and value converters, in the layout of uniffi's own
// `HashMap` converter (an i32 count, then each key and value).
#![allow(unsafe_code)]

use std::collections::BTreeMap;

use uniffi::deps::bytes::BufMut;
use uniffi::{FfiConverter, Lift, Lower, MetadataBuffer, TypeId};

use crate::UniFfiTag;

unsafe impl<K, V> FfiConverter<UniFfiTag> for BTreeMap<K, V>
where
    K: Lower<UniFfiTag> + Lift<UniFfiTag> + TypeId<UniFfiTag> + Ord,
    V: Lower<UniFfiTag> + Lift<UniFfiTag> + TypeId<UniFfiTag>,
{
    uniffi::ffi_converter_rust_buffer_lift_and_lower!(UniFfiTag);

    fn write(map: Self, buf: &mut Vec<u8>) {
        // The domain bounds every map far below i32::MAX entries; the count and the entries
        // written agree even past it.
        let len = i32::try_from(map.len()).unwrap_or(i32::MAX);
        buf.put_i32(len);
        for (key, value) in map.into_iter().take(len.unsigned_abs() as usize) {
            <K as Lower<UniFfiTag>>::write(key, buf);
            <V as Lower<UniFfiTag>>::write(value, buf);
        }
    }

    fn try_read(buf: &mut &[u8]) -> uniffi::Result<Self> {
        let len = usize::try_from(<i32 as Lift<UniFfiTag>>::try_read(buf)?)?;
        let mut map = BTreeMap::new();
        for _ in 0..len {
            let key = <K as Lift<UniFfiTag>>::try_read(buf)?;
            let value = <V as Lift<UniFfiTag>>::try_read(buf)?;
            map.insert(key, value);
        }
        Ok(map)
    }

    const TYPE_ID_META: MetadataBuffer =
        MetadataBuffer::from_code(uniffi::metadata::codes::TYPE_HASH_MAP)
            .concat(<K as TypeId<UniFfiTag>>::TYPE_ID_META)
            .concat(<V as TypeId<UniFfiTag>>::TYPE_ID_META);
}

uniffi::derive_ffi_traits!(impl<K, V> Lower<UniFfiTag> for BTreeMap<K, V> where BTreeMap<K, V>: FfiConverter<UniFfiTag>);
uniffi::derive_ffi_traits!(impl<K, V> Lift<UniFfiTag> for BTreeMap<K, V> where BTreeMap<K, V>: FfiConverter<UniFfiTag>);
uniffi::derive_ffi_traits!(impl<K, V> LowerReturn<UniFfiTag> for BTreeMap<K, V> where BTreeMap<K, V>: FfiConverter<UniFfiTag>);
uniffi::derive_ffi_traits!(impl<K, V> LiftReturn<UniFfiTag> for BTreeMap<K, V> where BTreeMap<K, V>: FfiConverter<UniFfiTag>);
uniffi::derive_ffi_traits!(impl<K, V> LiftRef<UniFfiTag> for BTreeMap<K, V> where BTreeMap<K, V>: FfiConverter<UniFfiTag>);
uniffi::derive_ffi_traits!(impl<K, V> TypeId<UniFfiTag> for BTreeMap<K, V> where BTreeMap<K, V>: FfiConverter<UniFfiTag>);
