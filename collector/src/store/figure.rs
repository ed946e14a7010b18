//! A score or level that may be missing (a domain that does not apply), bound as a
//! double-precision value or a double-precision NULL on both databases.
//!
//! sqlx 0.8's `Any` driver turns a NULL `f64` into PostgreSQL's `real` (float4): in
//! `AnyArguments::convert_to`, its `Null(Double)` arm adds `Option::<f32>::None` and its
//! `Null(Real)` arm `Option::<f64>::None`, the wrong way round. A statement first prepared with
//! a gap was then reused with a figure, and PostgreSQL refused the 8 bytes of a float8 for a
//! float4 parameter (22P03, "incorrect binary data format"). A missing figure is therefore
//! encoded as a `None::<f32>`, which that arm turns into the float8 NULL the columns are. The
//! store's tests submit gaps and figures in turn at the same places, on both databases: they
//! fail if sqlx changes this without the workaround following.

use sqlx::any::Any;
use sqlx::encode::{Encode, IsNull};
use sqlx::error::BoxDynError;
use sqlx::{Database, Type};

/// A score to bind: a number, or NULL typed as a double.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Figure(pub(crate) Option<f64>);

impl Type<Any> for Figure {
    fn type_info() -> <Any as Database>::TypeInfo {
        <f64 as Type<Any>>::type_info()
    }
}

impl<'q> Encode<'q, Any> for Figure {
    fn encode_by_ref(
        &self,
        buf: &mut <Any as Database>::ArgumentBuffer<'q>,
    ) -> Result<IsNull, BoxDynError> {
        match self.0 {
            Some(value) => <f64 as Encode<'q, Any>>::encode_by_ref(&value, buf),
            None => <Option<f32> as Encode<'q, Any>>::encode_by_ref(&None, buf),
        }
    }
}
